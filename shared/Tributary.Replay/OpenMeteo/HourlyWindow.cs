using System.Globalization;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// The hours of one location's response. Local days are cut with the offset rounded down to whole hours (the vendor
/// reads whole model hours); labels use the actual offset, exactly as the vendor does for zones like India's.
/// </summary>
/// <param name="FirstLocalSecond">Local wall time of the first label, as seconds since the epoch.</param>
/// <param name="Hours">Number of hourly entries.</param>
/// <param name="UtcOffsetSeconds">Offset echoed as <c>utc_offset_seconds</c>.</param>
internal readonly record struct HourlyWindow(long FirstLocalSecond, int Hours, int UtcOffsetSeconds)
{
    private const int SecondsPerHour = 3600;
    private const int SecondsPerDay = 86_400;

    private int ReadOffsetSeconds => UtcOffsetSeconds / SecondsPerHour * SecondsPerHour;

    /// <summary><c>past_days</c> before and <c>forecast_days</c> from the start of today in the response zone.</summary>
    public static HourlyWindow AroundToday(DateTimeOffset now, int utcOffsetSeconds, int pastDays, int forecastDays)
    {
        var readOffset = utcOffsetSeconds / SecondsPerHour * SecondsPerHour;
        var startOfToday = Math.DivRem(now.ToUnixTimeSeconds() + readOffset, SecondsPerDay, out var sinceMidnight) * SecondsPerDay;
        if (sinceMidnight < 0)
        {
            startOfToday -= SecondsPerDay;
        }

        return new HourlyWindow(startOfToday - (pastDays * (long)SecondsPerDay), (pastDays + forecastDays) * 24, utcOffsetSeconds);
    }

    public static HourlyWindow ForDates(DateRange dates, int utcOffsetSeconds)
    {
        var start = new DateTimeOffset(dates.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        return new HourlyWindow(start, dates.Days * 24, utcOffsetSeconds);
    }

    /// <summary>Whole days covered, as the vendor counts them for a call's weight.</summary>
    public int Days => Hours / 24;

    /// <summary>The UTC hour (hours since the epoch) whose model data fills entry <paramref name="index"/>.</summary>
    public long UtcHourAt(int index) => (FirstLocalSecond + (index * (long)SecondsPerHour) - ReadOffsetSeconds) / SecondsPerHour;

    public long UnixTimeAt(int index) => FirstLocalSecond + (index * (long)SecondsPerHour) - UtcOffsetSeconds;

    public string IsoTimeAt(int index) =>
        DateTimeOffset.FromUnixTimeSeconds(FirstLocalSecond + (index * (long)SecondsPerHour))
            .ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
