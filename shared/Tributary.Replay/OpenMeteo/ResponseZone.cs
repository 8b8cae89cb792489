using System.Globalization;

namespace Tributary.Replay.OpenMeteo;

/// <summary>The <c>timezone</c> a location's response is expressed in.</summary>
/// <param name="Identifier">Echoed as <c>timezone</c>.</param>
/// <param name="Zone">The IANA zone, or null for GMT.</param>
internal sealed record ResponseZone(string Identifier, TimeZoneInfo? Zone)
{
    public static ResponseZone Gmt { get; } = new("GMT", null);

    /// <summary>
    /// <c>GMT</c>/<c>UTC</c>, <c>auto</c> (served as GMT: the replay server has no coordinate-to-zone map), or an IANA name.
    /// Windows zone names are refused, as the vendor would.
    /// </summary>
    public static bool TryResolve(string name, out ResponseZone zone)
    {
        zone = Gmt;
        if (name is "GMT" or "auto")
        {
            return true;
        }

        if (name is "UTC")
        {
            zone = new ResponseZone(name, null);
            return true;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found) && found.HasIanaId)
        {
            zone = new ResponseZone(name, found);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The vendor's gotcha: the offset valid at <paramref name="requestTime"/> is applied to the whole response,
    /// even to hours on the other side of a DST switch.
    /// </summary>
    public int UtcOffsetSecondsAt(DateTimeOffset requestTime) =>
        Zone is null ? 0 : (int)Zone.GetUtcOffset(requestTime).TotalSeconds;

    /// <summary>The vendor's current abbreviation style: <c>GMT</c>, <c>GMT+1</c>, <c>GMT-3</c>, <c>GMT+5:30</c>.</summary>
    public static string Abbreviation(int utcOffsetSeconds)
    {
        if (utcOffsetSeconds == 0)
        {
            return "GMT";
        }

        var sign = utcOffsetSeconds < 0 ? "-" : "+";
        var offset = TimeSpan.FromSeconds(Math.Abs(utcOffsetSeconds));
        var hours = ((int)offset.TotalHours).ToString(CultureInfo.InvariantCulture);
        return offset.Minutes == 0
            ? $"GMT{sign}{hours}"
            : $"GMT{sign}{hours}:{offset.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
    }
}
