using Microsoft.Azure.Functions.Worker;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.Manifests;

namespace Tributary.Functions.Ingest;

/// <summary>
/// The timer adapter every source shares: pulls the source into raw blobs and queues the pages for curation.
/// A failed run throws, so the host logs the invocation as failed; the schedule goes on.
/// </summary>
public sealed partial class SourceIngestion(
    SourceManifests manifests,
    SourceRegistry sources,
    IngestionService ingestion,
    Tributary.Alerts.AlertEvaluator alerts,
    TimeProvider time,
    ILogger<SourceIngestion> logger)
{
    public async Task<string> RunAsync(string sourceId, TimerInfo timer, FunctionContext context)
    {
        // The run id comes from the host's invocation time, so a replayed invocation is the same run.
        var record = await RunAtAsync(sourceId, RunTimeOf(InvocationTime.Of(context, time)), context.CancellationToken);
        if (record is null) return $"{sourceId} is disabled; nothing fetched.";
        return $"{record.Source} run {record.RunId}: {record.Pages} page(s), {record.Bytes} bytes, {record.Requests} request(s)" +
               $"{(record.RateLimitWaitMs > 0 ? $", {record.RateLimitWaitMs} ms waiting for the rate budget" : "")}" +
               $"{(timer.IsPastDue ? " (past due)" : "")}";
    }

    /// <summary>A run's time: the invocation's minute, so every invocation within it is the same run (and run id).</summary>
    public static DateTimeOffset RunTimeOf(DateTimeOffset invokedAt) =>
        new(invokedAt.UtcTicks - invokedAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>
    /// Runs the source once for <paramref name="runTime"/>: what every timer does, and what "run a source now" does.
    /// Null when the source is switched off (<c>Sources:{Key}:Enabled=false</c>, e.g. no partner credentials yet).
    /// </summary>
    public async Task<RunRecord?> RunAtAsync(string sourceId, DateTimeOffset runTime, CancellationToken cancellationToken)
    {
        var manifest = manifests.ByKey.FirstOrDefault(m => m.Value.Id == sourceId);
        if (manifest.Value is { Enabled: false })
        {
            LogDisabled(logger, sourceId, manifest.Key);
            return null;
        }
        RunRecord record;
        try
        {
            record = await ingestion.IngestAsync(sources.Connector(sourceId), runTime, cancellationToken);
        }
        catch (IngestRunFailedException failed)
        {
            // The run is recorded; its alert rules see it before the invocation fails as usual.
            await alerts.AfterRunAsync(failed.Record, cancellationToken);
            throw;
        }
        await alerts.AfterRunAsync(record, cancellationToken);
        return record;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} is disabled (Sources:{Key}:Enabled = false); nothing fetched")]
    private static partial void LogDisabled(ILogger logger, string source, string key);
}
