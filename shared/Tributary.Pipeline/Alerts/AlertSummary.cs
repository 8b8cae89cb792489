namespace Tributary.Alerts;

/// <summary>
/// An incident as other code and the API show it: its rule, state (<c>open</c> or <c>resolved</c>), since when it
/// has been in that state (the incident start while open, the resolution time once resolved) and what it says.
/// </summary>
public sealed record AlertSummary(string Rule, string State, DateTimeOffset SinceUtc, string Detail)
{
    public string Kind { get; init; } = "";
    public string Subject { get; init; } = "";
    public string? Source { get; init; }
    public DateTimeOffset OpenedUtc { get; init; }
    public DateTimeOffset? ResolvedUtc { get; init; }
    public string? Delivery { get; init; }
}
