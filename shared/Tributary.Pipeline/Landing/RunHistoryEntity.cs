using System.Globalization;
using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>
/// A row of table <c>runhistory</c>: the same columns as <see cref="RunEntity"/>, keyed newest first.
/// PartitionKey = source, RowKey = <c>{DateTime.MaxValue.Ticks - run time ticks, D19}|{run id}</c>. Run ids sort
/// oldest first (<c>yyyyMMddTHHmmZ</c>), and a table only reads in ascending key order, so table <c>runs</c> could
/// serve "the latest runs" only by reading the whole partition; this copy serves them as the first page of a partition
/// query, and any page after it through the SDK's continuation token. The key comes from the run time (not the wall
/// clock), so a replayed run writes the same row.
/// </summary>
public sealed record RunHistoryEntity : StoredEntity
{
    public string Source { get; set; } = "";
    public string RunId { get; set; } = "";
    public DateTimeOffset RunTimeUtc { get; set; }
    public DateTimeOffset StartedUtc { get; set; }
    public long DurationMs { get; set; }
    public int Pages { get; set; }
    public long Bytes { get; set; }
    public string Outcome { get; set; } = "";
    public string? Error { get; set; }
    public int Requests { get; set; }
    public long RateLimitWaitMs { get; set; }

    public static string RowKeyOf(DateTimeOffset runTimeUtc, string runId) =>
        TableKey.Join((DateTime.MaxValue.Ticks - runTimeUtc.UtcTicks).ToString("D19", CultureInfo.InvariantCulture), runId);

    public static RunHistoryEntity From(RunRecord r) => new()
    {
        PartitionKey = TableKey.Join(r.Source),
        RowKey = RowKeyOf(r.RunTimeUtc, r.RunId),
        Source = r.Source,
        RunId = r.RunId,
        RunTimeUtc = r.RunTimeUtc,
        StartedUtc = r.StartedUtc,
        DurationMs = r.DurationMs,
        Pages = r.Pages,
        Bytes = r.Bytes,
        Outcome = r.Outcome,
        Error = r.Error,
        Requests = r.Requests,
        RateLimitWaitMs = r.RateLimitWaitMs,
    };

    public RunRecord ToRecord() =>
        new(Source, RunId, RunTimeUtc, StartedUtc, DurationMs, Pages, Bytes, Outcome, Error, Requests, RateLimitWaitMs);

    /// <summary>The same rule as <see cref="RunEntity.EndedDifferentlyFrom"/>: timing and request counts alone are not a change.</summary>
    public bool EndedDifferentlyFrom(RunHistoryEntity stored) =>
        this with { StartedUtc = stored.StartedUtc, DurationMs = stored.DurationMs, Requests = stored.Requests, RateLimitWaitMs = stored.RateLimitWaitMs } != stored;
}
