using Tributary.Landing;

namespace Tributary.Query.Status;

/// <summary>One ingest run as table <c>runs</c> records it (never a secret).</summary>
public sealed record RunSummary(
    string RunId,
    DateTimeOffset RunTimeUtc,
    DateTimeOffset StartedUtc,
    long DurationMs,
    string Outcome,
    int Pages,
    long Bytes,
    int Requests,
    long RateLimitWaitMs,
    string? Error)
{
    public static RunSummary From(RunRecord r) =>
        new(r.RunId, r.RunTimeUtc, r.StartedUtc, r.DurationMs, r.Outcome, r.Pages, r.Bytes, r.Requests, r.RateLimitWaitMs, r.Error);
}
