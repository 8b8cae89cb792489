using System.Globalization;

namespace Tributary.Replay;

/// <summary>
/// Time as the Norwegian vendors keep it: Europe/Oslo wall time, service days that start at "noon minus 12 hours"
/// (local midnight except on DST-change days), and ISO-8601 text with the offset and seconds always present.
/// </summary>
internal static class OsloTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static DateTimeOffset ToOslo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Oslo calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToOslo(instant).DateTime);

    /// <summary>
    /// The GTFS/NeTEx reference of a service day: local noon minus 12 hours. On the spring-forward day that is 23:00
    /// of the evening before, on the fall-back day 01:00, so <c>08:00:00</c> is still 08:00 local on both days.
    /// </summary>
    public static DateTimeOffset ServiceDayStart(DateOnly serviceDate)
    {
        var noon = serviceDate.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, Zone.GetUtcOffset(noon)).AddHours(-12);
    }

    /// <summary><c>2025-01-15T08:05:30+01:00</c>: like Java's <c>ISO_OFFSET_DATE_TIME</c> for whole seconds.</summary>
    public static string Format(DateTimeOffset instant) => ToOslo(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// An ISO date-time with <c>Z</c> or an offset as given; without one, the wall time is read in Europe/Oslo (a time in
    /// the spring gap moves forward, an ambiguous one takes the summer offset, like <c>java.time</c>).
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) || !text.Contains('T', StringComparison.Ordinal))
        {
            return false;
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            if (Zone.IsInvalidTime(parsed)) parsed = parsed.AddHours(1);
            instant = new DateTimeOffset(parsed, Zone.IsAmbiguousTime(parsed) ? Zone.GetAmbiguousTimeOffsets(parsed).Max() : Zone.GetUtcOffset(parsed));
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out instant);
    }
}
