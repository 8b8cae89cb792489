using Microsoft.Extensions.Logging;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.Manifests;
using Tributary.Storage;

namespace Tributary.Backfill;

/// <summary>
/// Fetches a bounded past range of a source again, in chunks the size of the source's normal window. Each chunk is a
/// run with a stable id, so a re-run backfill lands nothing new and leaves the tables unchanged; every request goes
/// through the source's rate budget like a scheduled run. Chunks are queued (HTTP) or run one after another (CLI).
/// </summary>
public sealed partial class BackfillService(
    SourceRegistry sources,
    SourceManifests manifests,
    IngestionService ingestion,
    RunRecordStore runs,
    JsonQueue queue,
    TimeProvider time,
    ILogger<BackfillService> logger)
{
    public const int MaxDays = 93;
    public const string QueueName = "backfill";

    public IReadOnlyList<BackfillChunk> Plan(string sourceId, DateTimeOffset from, DateTimeOffset to)
    {
        sources.Connector(sourceId); // Unknown source: UnknownSourceException names the registered ones.
        if (to <= from) throw new BackfillException("to", $"'to' ({to:O}) must be after 'from' ({from:O}).");
        if (to - from > TimeSpan.FromDays(MaxDays)) throw new BackfillException("to", $"A backfill covers at most {MaxDays} days; split the range.");
        if (from > time.GetUtcNow()) throw new BackfillException("from", $"'from' ({from:O}) is in the future.");

        var manifest = manifests.Get(sourceId);
        if (manifest.Request.Kind == RequestKind.Download)
        {
            // A download (a GTFS feed) is the file as published now; there is no past range to ask the vendor for.
            throw new BackfillException("source", $"Source '{sourceId}' downloads a file as it is now; it has no date range to backfill.");
        }
        var window = manifest.Window;
        var hours = Math.Max(1, window.LookbackHours + window.AheadHours);
        var start = FloorHour(from);
        var end = to.UtcTicks % TimeSpan.TicksPerHour == 0 ? to.ToUniversalTime() : FloorHour(to).AddHours(1);
        var chunks = new List<BackfillChunk>();
        for (var chunk = start; chunk < end; chunk = chunk.AddHours(hours))
        {
            var chunkEnd = chunk.AddHours(hours) < end ? chunk.AddHours(hours) : end;
            chunks.Add(new BackfillChunk(sourceId, chunk, chunkEnd));
        }
        return chunks;
    }

    public async Task<IReadOnlyList<BackfillChunk>> EnqueueAsync(string sourceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var chunks = Plan(sourceId, from, to);
        foreach (var chunk in chunks) await queue.SendAsync(QueueName, chunk, cancellationToken);
        LogQueued(logger, sourceId, chunks.Count, from, to);
        return chunks;
    }

    /// <summary>Runs one chunk (the queue function's work); throws when its run failed, so the message is retried.</summary>
    public Task<RunRecord> RunChunkAsync(BackfillChunk chunk, CancellationToken cancellationToken) =>
        ingestion.IngestAsync(sources.Connector(chunk.Source), new SourceRun(time.GetUtcNow(), chunk.From, chunk.To), cancellationToken);

    /// <summary>Runs every chunk in turn (the command line's work), reporting each one; a failed chunk does not stop the rest.</summary>
    public async Task<BackfillStatus> RunAsync(string sourceId, DateTimeOffset from, DateTimeOffset to, IProgress<BackfillChunkStatus> progress, CancellationToken cancellationToken)
    {
        foreach (var chunk in Plan(sourceId, from, to))
        {
            RunRecord record;
            try
            {
                record = await RunChunkAsync(chunk, cancellationToken);
            }
            catch (IngestRunFailedException ex)
            {
                record = ex.Record;
            }
            progress.Report(ToStatus(chunk, record));
        }
        return await StatusAsync(sourceId, from, to, cancellationToken);
    }

    public async Task<BackfillStatus> StatusAsync(string sourceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var chunks = new List<BackfillChunkStatus>();
        foreach (var chunk in Plan(sourceId, from, to))
        {
            chunks.Add(ToStatus(chunk, await runs.GetAsync(sourceId, chunk.RunId, cancellationToken)));
        }
        return new BackfillStatus(sourceId, from, to,
            chunks.Count(c => c.Outcome == IngestionService.Succeeded),
            chunks.Count(c => c.Outcome is IngestionService.Failed or IngestionService.PartiallySucceeded),
            chunks.Count, chunks);
    }

    private static BackfillChunkStatus ToStatus(BackfillChunk chunk, RunRecord? record) =>
        new(chunk.RunId, chunk.From, chunk.To, record?.Outcome ?? "Pending", record?.Pages ?? 0, record?.Bytes ?? 0, record?.Error);

    private static DateTimeOffset FloorHour(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill of {Source} queued: {Chunks} chunk(s) from {From:O} to {To:O}")]
    private static partial void LogQueued(ILogger logger, string source, int chunks, DateTimeOffset from, DateTimeOffset to);
}
