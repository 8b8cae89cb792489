namespace Tributary.Query.Status;

/// <summary>
/// When a source runs: its effective NCRONTAB expression (the app setting <see cref="Setting"/> names, else the
/// manifest's Schedule), and the next occurrence after now in UTC (null when it has no schedule or is disabled).
/// </summary>
public sealed record ScheduleSummary(string? Expression, string? Setting, DateTimeOffset? NextRunUtc);
