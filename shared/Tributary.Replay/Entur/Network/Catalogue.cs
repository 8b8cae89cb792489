namespace Tributary.Replay.Entur.Network;

/// <summary>A public transport authority (GTFS agency), e.g. <c>RUT:Authority:RUT</c> Ruter.</summary>
internal sealed record Authority(string Id, string Name, string Url)
{
    /// <summary>The NeTEx codespace, the part of an id before the first colon.</summary>
    public string Codespace => Id[..Id.IndexOf(':', StringComparison.Ordinal)];
}

/// <summary>A boarding position (GTFS stop, <c>location_type</c> 0) of a stop place.</summary>
internal sealed record Quay(string Id, string StopPlaceId, string Name, string PublicCode, double Latitude, double Longitude);

/// <summary>A stop place (GTFS station, <c>location_type</c> 1).</summary>
internal sealed record StopPlace(string Id, string Name, double Latitude, double Longitude, IReadOnlyList<Quay> Quays);

/// <summary>
/// One stop of a line's pattern, in the outbound order. <paramref name="Minute"/> is the departure from it, counted
/// from the first stop's departure; the inbound trip runs the pattern backwards from <see cref="InboundQuayId"/>.
/// </summary>
internal sealed record PatternStop(string StopPlaceId, string OutboundQuayId, string InboundQuayId, int Minute);

/// <summary>
/// When a line runs, in minutes after the start of the service day (past 1440 is after midnight). Headways in
/// minutes: <see cref="Peak"/> on weekday rush hours, <see cref="Base"/> by day, <see cref="Evening"/> early, late
/// and on weekend mornings. <see cref="Offset"/> shifts the timetable so lines do not all leave on the hour.
/// </summary>
internal sealed record ServicePlan(int FirstMinute, int LastMinute, int Peak, int Base, int Evening, int Offset)
{
    /// <summary>A night line: the same headway every day of the week.</summary>
    public bool IsNightLine => FirstMinute >= 24 * 60;
}

/// <summary>A line and its single two-way pattern; <see cref="TransportMode"/> is the Transmodel value (lower case).</summary>
internal sealed record TransitLine(string Id, string PublicCode, string Name, string TransportMode, int GtfsRouteType, Authority Authority,
    IReadOnlyList<PatternStop> Pattern, ServicePlan Plan)
{
    /// <summary>The stop place a trip in <paramref name="direction"/> (0 outbound, 1 inbound) ends at.</summary>
    public string DestinationStopPlaceId(int direction) => direction == 0 ? Pattern[^1].StopPlaceId : Pattern[0].StopPlaceId;
}
