namespace Tributary.Functions.Http.V1;

/// <summary>The answer to "run a source now": the queued run's id and time, and where its record will appear.</summary>
public sealed record SourceRunAccepted(string Source, string RunId, DateTimeOffset RunTimeUtc, string Runs);
