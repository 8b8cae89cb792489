using System.Globalization;

namespace Tributary.Sources.Gtfs;

/// <summary>
/// GTFS service-day arithmetic. Stop times are <c>H:MM:SS</c> measured from "noon minus 12 h" of the service date in
/// the agency's time zone (local midnight except on DST-change days) and may exceed <c>24:00:00</c> for trips after
/// midnight. So an instant is <c>localNoon(serviceDate) − 12 h + time</c>, computed in UTC, never in the machine's zone.
/// </summary>
internal static class GtfsServiceTime
{
    /// <summary>Seconds since the service day's reference, or null when the text is not <c>H:MM:SS</c>.</summary>
    public static int? Seconds(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(':');
        if (parts.Length != 3 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ||
            !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ||
            parts[1].Length != 2 || parts[2].Length != 2 || m > 59 || s > 59 || h > 47)
        {
            return null;
        }
        return (h * 3600) + (m * 60) + s;
    }

    /// <summary>The UTC instant the service date's times count from: local noon minus 12 hours.</summary>
    public static DateTimeOffset Reference(DateOnly serviceDate, TimeZoneInfo zone)
    {
        var noon = serviceDate.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(noon, zone), TimeSpan.Zero).AddHours(-12);
    }

    public static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
