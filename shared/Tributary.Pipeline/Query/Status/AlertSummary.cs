namespace Tributary.Query.Status;

/// <summary>An alert on a source (filled by the alerts capability; the status lists none until it exists).</summary>
public sealed record AlertSummary(string Rule, string State, DateTimeOffset SinceUtc, string Detail);
