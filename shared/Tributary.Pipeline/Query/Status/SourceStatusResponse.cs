namespace Tributary.Query.Status;

/// <summary>One source's status as of <see cref="GeneratedUtc"/>.</summary>
public sealed record SourceStatusResponse(DateTimeOffset GeneratedUtc, SourceStatus Source);
