namespace Tributary.Replay.OpenMeteo;

/// <summary><c>start_date</c>..<c>end_date</c>, both days included.</summary>
internal readonly record struct DateRange(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
}
