using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tributary.Sources;
using Tributary.Sources.Connectors;
using Tributary.Storage;
using Tributary.Telemetry;

namespace Tributary.Landing;

/// <summary>
/// Runs one ingest: pulls a source's pages, lands each as a raw blob, queues it for curation and records the run.
/// Each page is queued as soon as it is landed, so a failure later in the run loses nothing already fetched.
/// </summary>
public sealed partial class IngestionService(RawPayloadStore raw, JsonQueue queue, RunRecordStore runs, TimeProvider time, ILogger<IngestionService> logger)
{
    public const string Succeeded = "Succeeded";
    public const string PartiallySucceeded = "PartiallySucceeded";
    public const string Failed = "Failed";

    public Task<RunRecord> IngestAsync(ISourceConnector connector, DateTimeOffset runTime, CancellationToken cancellationToken) =>
        IngestAsync(connector, new SourceRun(runTime), cancellationToken);

    public async Task<RunRecord> IngestAsync(ISourceConnector connector, SourceRun run, CancellationToken cancellationToken)
    {
        var runId = run.RunId;
        var runTime = run.WindowStart ?? run.RunTime;
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var pages = 0;
        long bytes = 0;
        Exception? failure = null;
        var stats = new FetchStats();
        using var activity = PipelineTelemetry.Source.StartActivity("ingest");
        activity?.SetTag("tributary.source", connector.SourceId);
        activity?.SetTag("tributary.run_id", runId);
        try
        {
            await foreach (var page in connector.FetchAsync(run, stats, cancellationToken))
            {
                var landed = await raw.LandAsync(connector.SourceId, runId, runTime, page, cancellationToken);
                await queue.SendAsync(StorageNames.CurateQueue,
                    new CurateMessage(connector.SourceId, runId, landed.BlobName, landed.Sha256, page.CityId, page.ItemId), cancellationToken);
                pages++;
                bytes += landed.Bytes;
                PipelineTelemetry.PagesFetched.Add(1, PipelineTelemetry.SourceTag(connector.SourceId));
                PipelineTelemetry.BytesFetched.Add(landed.Bytes, PipelineTelemetry.SourceTag(connector.SourceId));
                LogPageLanded(logger, connector.SourceId, runId, landed.BlobName, landed.Bytes, landed.AlreadyLanded);
            }
        }
        catch (SourceRequestException ex)
        {
            failure = ex;
        }

        var outcome = failure is null ? Succeeded : pages > 0 ? PartiallySucceeded : Failed;
        var record = new RunRecord(connector.SourceId, runId, runTime, started, clock.ElapsedMilliseconds, pages, bytes, outcome, failure?.Message,
            stats.Requests, (long)stats.RateLimitWait.TotalMilliseconds);
        activity?.SetTag("tributary.pages", pages);
        activity?.SetTag("tributary.outcome", outcome);
        if (failure is not null) activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
        await runs.SaveAsync(record, cancellationToken);
        LogRun(logger, connector.SourceId, runId, outcome, pages, bytes, record.DurationMs, stats.Requests, record.RateLimitWaitMs);
        return failure is null ? record : throw new IngestRunFailedException(record, failure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} run {RunId}: landed {BlobName} ({Bytes} bytes, already there: {AlreadyLanded})")]
    private static partial void LogPageLanded(ILogger logger, string source, string runId, string blobName, long bytes, bool alreadyLanded);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} run {RunId} {Outcome}: {Pages} page(s), {Bytes} bytes, {Requests} request(s) in {DurationMs} ms, {WaitMs} ms waiting for the rate budget")]
    private static partial void LogRun(ILogger logger, string source, string runId, string outcome, int pages, long bytes, long durationMs, int requests, long waitMs);
}
