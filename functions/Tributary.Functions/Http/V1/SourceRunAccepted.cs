namespace Tributary.Functions.Http.V1;

/// <summary>
/// The answer to "run a source now": the run's id and time, whether this request started it (false: the same run
/// was already going), and where its record will appear.
/// </summary>
public sealed record SourceRunAccepted(string Source, string RunId, DateTimeOffset RunTimeUtc, bool Started, string Runs);
