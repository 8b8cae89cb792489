using Tributary.Functions.Ingest;
using Tributary.Landing;
using Tributary.Sources.Manifests;
using Tributary.Storage;

namespace Tributary.Functions.Http.V1;

/// <summary>
/// "Run a source now": queues the source's ingestion for the current minute on queue <c>ingest-now</c>, which
/// <see cref="IngestNowFunction"/> runs through the timers' own path (<see cref="SourceIngestion.RunAtAsync"/>).
/// A queue rather than work in the background of the HTTP invocation, because a serverless instance may be
/// recycled as soon as it has answered; the message survives that, is retried, and then poisoned. The run id is the
/// minute's, as a timer's would be, so asking twice within a minute (or while the timer runs) is the same run:
/// landing reuses the pages already landed.
/// </summary>
public sealed class SourcesRunNow(SourceManifests manifests, JsonQueue queue, TimeProvider time)
{
    public const string QueueName = Storage.StorageNames.IngestNowQueue;

    /// <summary>The queued run's id and time.</summary>
    /// <exception cref="Tributary.Sources.UnknownSourceException">No manifest declares the source.</exception>
    /// <exception cref="SourceDisabledException">The source is switched off.</exception>
    public async Task<(string RunId, DateTimeOffset RunTimeUtc)> QueueAsync(string sourceId, CancellationToken cancellationToken)
    {
        var manifest = manifests.Get(sourceId);
        if (!manifest.Enabled) throw new SourceDisabledException(sourceId, manifests.ByKey.First(m => m.Value.Id == sourceId).Key);
        var runTime = SourceIngestion.RunTimeOf(time.GetUtcNow());
        await queue.SendAsync(QueueName, new IngestNowMessage(manifest.Id, runTime), cancellationToken);
        return (RunIds.For(runTime), runTime);
    }
}
