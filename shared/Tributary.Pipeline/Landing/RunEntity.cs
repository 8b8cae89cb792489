using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>A row of table <c>runs</c>: PartitionKey = source, RowKey = run id; the columns of <see cref="RunRecord"/>.</summary>
public sealed record RunEntity : StoredEntity
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

    public static RunEntity From(RunRecord r) => new()
    {
        PartitionKey = TableKey.Join(r.Source),
        RowKey = TableKey.Join(r.RunId),
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

    /// <summary>
    /// Whether this record says something <paramref name="stored"/> does not. Timing and request counts alone are
    /// not a change: a replayed run that ended the same way leaves the row as it was.
    /// </summary>
    public bool EndedDifferentlyFrom(RunEntity stored) =>
        this with { StartedUtc = stored.StartedUtc, DurationMs = stored.DurationMs, Requests = stored.Requests, RateLimitWaitMs = stored.RateLimitWaitMs } != stored;
}
