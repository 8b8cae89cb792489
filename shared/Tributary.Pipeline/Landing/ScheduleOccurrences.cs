using NCrontab;

namespace Tributary.Landing;

/// <summary>
/// Occurrences of a source's NCRONTAB schedule, in UTC: what the scheduler timer decides a run by, and what the
/// sources status reports as the next run. NCrontab works on <see cref="DateTime"/>; both ends are UTC, so no zone enters.
/// </summary>
public static class ScheduleOccurrences
{
    /// <summary>The latest occurrence after <paramref name="last"/> and at or before <paramref name="now"/>, if any.</summary>
    public static DateTimeOffset? Latest(CrontabSchedule schedule, DateTimeOffset last, DateTimeOffset now)
    {
        DateTime? latest = null;
        foreach (var occurrence in schedule.GetNextOccurrences(last.UtcDateTime, now.UtcDateTime.AddTicks(1))) latest = occurrence;
        return latest is { } l ? Utc(l) : null;
    }

    /// <summary>The first occurrence after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(CrontabSchedule schedule, DateTimeOffset after) => Utc(schedule.GetNextOccurrence(after.UtcDateTime));

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
