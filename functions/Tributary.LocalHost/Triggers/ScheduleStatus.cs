namespace Tributary.LocalHost.Triggers;

/// <summary>A timer's status as the host's schedule monitor stores it.</summary>
public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
