namespace Tributary.Query.Status;

/// <summary>
/// How current a source is, as of <c>GeneratedUtc</c>: the newest run and the newest successful one (from the run
/// history), and the newest record any curated page held (from the quality day rows), with their ages in seconds.
/// </summary>
public sealed record FreshnessSummary(
    DateTimeOffset? LastRunUtc,
    string? LastOutcome,
    DateTimeOffset? LastSuccessUtc,
    long? LastSuccessAgeSeconds,
    DateTimeOffset? NewestObservationUtc,
    long? NewestObservationAgeSeconds);
