using System.Globalization;
using System.Text.RegularExpressions;

namespace Tributary.Replay.Entur.Network;

/// <summary>
/// Time as Entur's transit model keeps it: Europe/Oslo wall time, service days that start at "noon minus 12 hours"
/// (local midnight except on DST-change days), and ISO-8601 text with the offset and seconds always present.
/// </summary>
internal static partial class OsloTime
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
    public static string Format(DateTimeOffset instant) =>
        ToOslo(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <c>DateTime</c> scalar's lenient input: <c>YYYY-MM-DDThh:mm[:ss[.fff]]</c> with <c>Z</c>, <c>±hh:mm</c>,
    /// <c>±hhmm</c> or <c>±hh</c>; without an offset the wall time is read in Europe/Oslo (a time in the spring gap
    /// moves forward, an ambiguous one takes the summer offset, like <c>java.time</c>).
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset instant)
    {
        instant = default;
        var match = DateTimePattern().Match(text);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["local"].Value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        if (match.Groups["fraction"].Success)
        {
            var digits = match.Groups["fraction"].Value.PadRight(7, '0')[..7];
            local = local.AddTicks(long.Parse(digits, CultureInfo.InvariantCulture));
        }

        var offsetText = match.Groups["offset"].Value;
        if (local.Year is < 1800 or > 9000)
        {
            return false;
        }

        if (offsetText.Length == 0)
        {
            instant = FromOsloWallTime(local);
            return true;
        }

        if (offsetText == "Z")
        {
            instant = new DateTimeOffset(local, TimeSpan.Zero);
            return true;
        }

        var digitsOnly = offsetText[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digitsOnly[..2], CultureInfo.InvariantCulture);
        var minutes = digitsOnly.Length > 2 ? int.Parse(digitsOnly[2..], CultureInfo.InvariantCulture) : 0;
        var offset = new TimeSpan(hours, minutes, 0);
        if (minutes > 59 || offset > TimeSpan.FromHours(14))
        {
            return false;
        }

        instant = new DateTimeOffset(local, offsetText[0] == '-' ? -offset : offset);
        return true;
    }

    public static DateTimeOffset FromOsloWallTime(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(?<fraction>\d{1,9}))?(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
