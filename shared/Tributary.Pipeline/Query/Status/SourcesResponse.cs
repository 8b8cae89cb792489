namespace Tributary.Query.Status;

/// <summary>Every declared source's status, by id, as of <see cref="GeneratedUtc"/>.</summary>
public sealed record SourcesResponse(DateTimeOffset GeneratedUtc, IReadOnlyList<SourceStatus> Sources);
