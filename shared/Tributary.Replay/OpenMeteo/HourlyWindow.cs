using System.Globalization;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// The hours of a response. Local days are cut with the offset rounded down to whole hours (the vendor reads whole
/// model hours); labels use the actual offset, exactly as the vendor does for zones like India's.
/// </summary>
/// <param name="FirstLocalSecond">Local wall time of the first label, as seconds since the epoch.</param>
internal readonly record struct HourlyWindow(long FirstLocalSecond, int Hours, int UtcOffsetSeconds)
{
    private const int SecondsPerDay = 86_400;

    private int ReadOffsetSeconds => UtcOffsetSeconds / 3600 * 3600;

    public static HourlyWindow Of(HourlyRequest request, DateTimeOffset now)
    {
        var offset = request.Zone.UtcOffsetSecondsAt(now);
        if (request.Dates is { } dates)
        {
            var start = new DateTimeOffset(dates.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
            return new HourlyWindow(start, (dates.End.DayNumber - dates.Start.DayNumber + 1) * 24, offset);
        }

        // past_days before and forecast_days from the start of today in the response zone.
        var startOfToday = Math.DivRem(now.ToUnixTimeSeconds() + (offset / 3600 * 3600), SecondsPerDay, out var sinceMidnight) * SecondsPerDay;
        if (sinceMidnight < 0) startOfToday -= SecondsPerDay;
        return new HourlyWindow(startOfToday - (request.PastDays * (long)SecondsPerDay), (request.PastDays + request.ForecastDays) * 24, offset);
    }

    /// <summary>The UTC hour (hours since the epoch) whose model data fills entry <paramref name="index"/>.</summary>
    public long UtcHourAt(int index) => (FirstLocalSecond + (index * 3600L) - ReadOffsetSeconds) / 3600;

    public string IsoTimeAt(int index) =>
        DateTimeOffset.FromUnixTimeSeconds(FirstLocalSecond + (index * 3600L)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// How many calls the request counts as against the rate limits, by the vendor's formula:
    /// <c>max(1, variables/10, variables/10 · days/14)</c>.
    /// </summary>
    public double Weight(int variables) => Math.Max(1f, Math.Max(variables / 10f, variables / 10f * (Hours / 24 / 14f)));
}
