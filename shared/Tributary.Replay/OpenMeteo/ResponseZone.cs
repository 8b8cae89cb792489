using System.Globalization;

namespace Tributary.Replay.OpenMeteo;

/// <summary>The <c>timezone</c> a response is expressed in: <c>GMT</c> (the default), <c>UTC</c>, <c>auto</c> or an IANA name.</summary>
/// <param name="Identifier">Echoed as <c>timezone</c>.</param>
/// <param name="Zone">The IANA zone, or null for GMT.</param>
internal sealed record ResponseZone(string Identifier, TimeZoneInfo? Zone)
{
    public static ResponseZone Gmt { get; } = new("GMT", null);

    /// <summary><c>auto</c> is served as GMT: the replay has no coordinate-to-zone map. Windows zone names are refused, as the vendor would.</summary>
    public static bool TryResolve(string name, out ResponseZone zone)
    {
        zone = name switch
        {
            "GMT" or "auto" => Gmt,
            "UTC" => new ResponseZone(name, null),
            _ => TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found) && found.HasIanaId ? new ResponseZone(name, found) : null!,
        };
        return zone is not null;
    }

    /// <summary>
    /// The vendor's gotcha: the offset valid at <paramref name="requestTime"/> is applied to the whole response,
    /// even to hours on the other side of a DST switch.
    /// </summary>
    public int UtcOffsetSecondsAt(DateTimeOffset requestTime) => Zone is null ? 0 : (int)Zone.GetUtcOffset(requestTime).TotalSeconds;

    /// <summary>The vendor's abbreviation style: <c>GMT</c>, <c>GMT+1</c>, <c>GMT-3</c>, <c>GMT+5:30</c>.</summary>
    public static string Abbreviation(int utcOffsetSeconds)
    {
        if (utcOffsetSeconds == 0) return "GMT";
        var offset = TimeSpan.FromSeconds(Math.Abs(utcOffsetSeconds));
        var sign = utcOffsetSeconds < 0 ? "-" : "+";
        var minutes = offset.Minutes == 0 ? string.Empty : ":" + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return $"GMT{sign}{(int)offset.TotalHours}{minutes}";
    }
}
