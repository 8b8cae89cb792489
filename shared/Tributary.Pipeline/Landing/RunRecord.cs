namespace Tributary.Landing;

/// <summary>What one ingest run did; one row per source and run id in table <c>runs</c>. Never holds secrets.</summary>
public sealed record RunRecord(
    string Source,
    string RunId,
    DateTimeOffset RunTimeUtc,
    DateTimeOffset StartedUtc,
    long DurationMs,
    int Pages,
    long Bytes,
    string Outcome,
    string? Error,
    int Requests = 0,
    long RateLimitWaitMs = 0);
