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
        var invokedAt = InvocationTime.Of(context, time);
        var runTime = new DateTimeOffset(invokedAt.Ticks - invokedAt.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        // A source switched off (Sources:{Key}:Enabled=false, e.g. no partner credentials yet) keeps its timer quiet.
        var manifest = manifests.ByKey.FirstOrDefault(m => m.Value.Id == sourceId);
        if (manifest.Value is { Enabled: false })
        {
            var quiet = $"{sourceId} is disabled (Sources:{manifest.Key}:Enabled = false); nothing fetched.";
            LogDisabled(logger, sourceId, manifest.Key);
            return quiet;
        }
        RunRecord record;
        try
        {
            record = await ingestion.IngestAsync(sources.Connector(sourceId), runTime, context.CancellationToken);
        }
        catch (IngestRunFailedException failed)
        {
            // The run is recorded; its alert rules see it before the invocation fails as usual.
            await alerts.AfterRunAsync(failed.Record, context.CancellationToken);
            throw;
        }
        await alerts.AfterRunAsync(record, context.CancellationToken);
        return $"{record.Source} run {record.RunId}: {record.Pages} page(s), {record.Bytes} bytes, {record.Requests} request(s)" +
               $"{(record.RateLimitWaitMs > 0 ? $", {record.RateLimitWaitMs} ms waiting for the rate budget" : "")}" +
               $"{(timer.IsPastDue ? " (past due)" : "")}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} is disabled (Sources:{Key}:Enabled = false); nothing fetched")]
    private static partial void LogDisabled(ILogger logger, string source, string key);
}
