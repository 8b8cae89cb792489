namespace Tributary.Replay.Entur.Network;

/// <summary>
/// The fixed catalogue both Entur replays serve: four stop places per demo city (Oslo, Bergen, Trondheim), their
/// quays and the lines through them. Ids follow Entur's <c>CODESPACE:Type:local</c> form and are the same in the
/// Journey Planner and in the GTFS ZIP. <c>NSR:StopPlace:58366</c> Jernbanetorget and its quays 1001/1002 are the
/// ones in the data-source notes; the other ids are invented in the same style.
/// </summary>
internal sealed class EnturNetwork
{
    private static readonly Authority Ruter = new("RUT:Authority:RUT", "Ruter", "https://ruter.no");
    private static readonly Authority Vy = new("VYG:Authority:VYG", "Vy", "https://www.vy.no");
    private static readonly Authority Skyss = new("SKY:Authority:SKY", "Skyss", "https://www.skyss.no");
    private static readonly Authority AtB = new("ATB:Authority:2", "AtB", "https://www.atb.no");

    // Buses and trams by day, in minutes after the start of the service day (05:30 to 24:30).
    private static ServicePlan Urban(int peak, int @base, int evening, int offset) => new(330, 1470, peak, @base, evening, offset);

    private EnturNetwork()
    {
        StopPlaces =
        [
            Stop("NSR:StopPlace:58366", "Jernbanetorget", "Oslo", 59.9119, 10.7506,
                ("NSR:Quay:1001", "A", "Jernbanetorget"), ("NSR:Quay:1002", "B", "Jernbanetorget, spor \"B\""), ("NSR:Quay:1003", "C", "Jernbanetorget")),
            Stop("NSR:StopPlace:59872", "Oslo S", "Oslo", 59.9109, 10.7528,
                ("NSR:Quay:7363", "2", "Oslo S"), ("NSR:Quay:7364", "3", "Oslo S")),
            Stop("NSR:StopPlace:58404", "Nationaltheatret", "Oslo", 59.9146, 10.7315,
                ("NSR:Quay:7182", "A", "Nationaltheatret"), ("NSR:Quay:7183", "M", "Nationaltheatret"), ("NSR:Quay:7184", "1", "Nationaltheatret")),
            Stop("NSR:StopPlace:58381", "Majorstuen", "Oslo", 59.9298, 10.7147,
                ("NSR:Quay:7265", "A", "Majorstuen"), ("NSR:Quay:7266", "B", "Majorstuen"), ("NSR:Quay:7267", "M", "Majorstuen")),

            Stop("NSR:StopPlace:62113", "Byparken", "Bergen", 60.3918, 5.3254,
                ("NSR:Quay:9801", "A", "Byparken"), ("NSR:Quay:9802", "B", "Byparken")),
            Stop("NSR:StopPlace:30810", "Bergen busstasjon", "Bergen", 60.3887, 5.3348,
                ("NSR:Quay:9811", "A", "Bergen busstasjon"), ("NSR:Quay:9812", "C", "Bergen busstasjon"), ("NSR:Quay:9813", "D", "Bergen busstasjon")),
            Stop("NSR:StopPlace:59977", "Bergen stasjon", "Bergen", 60.3903, 5.3337,
                ("NSR:Quay:9821", "A", "Bergen stasjon"), ("NSR:Quay:9822", "B", "Bergen stasjon")),
            Stop("NSR:StopPlace:30950", "Møhlenpris", "Bergen", 60.3835, 5.3155,
                ("NSR:Quay:9831", "A", "Møhlenpris"), ("NSR:Quay:9832", "B", "Møhlenpris")),

            Stop("NSR:StopPlace:41742", "Trondheim S", "Trondheim", 63.4363, 10.3990,
                ("NSR:Quay:71181", "A", "Trondheim S"), ("NSR:Quay:71182", "B", "Trondheim S")),
            Stop("NSR:StopPlace:41613", "Prinsens gate", "Trondheim", 63.4310, 10.3925,
                ("NSR:Quay:71201", "P1", "Prinsens gate"), ("NSR:Quay:71202", "P2", "Prinsens gate"), ("NSR:Quay:71203", "P3", "Prinsens gate")),
            Stop("NSR:StopPlace:42660", "Kjøpmannsgata", "Trondheim", 63.4335, 10.4020,
                ("NSR:Quay:71221", "A", "Kjøpmannsgata"), ("NSR:Quay:71222", "B", "Kjøpmannsgata")),
            Stop("NSR:StopPlace:44085", "Studentersamfundet", "Trondheim", 63.4224, 10.3953,
                ("NSR:Quay:71241", "1", "Studentersamfundet"), ("NSR:Quay:71242", "2", "Studentersamfundet")),
        ];

        Lines =
        [
            new("RUT:Line:31", "31", "Snarøya - Tonsenhagen", TransportMode.Bus, 700, Ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7265", "NSR:Quay:7266", 0), new("NSR:StopPlace:58404", "NSR:Quay:7182", "NSR:Quay:7182", 6), new("NSR:StopPlace:58366", "NSR:Quay:1001", "NSR:Quay:1001", 11)],
                Urban(10, 15, 30, 2)),
            new("RUT:Line:20", "20", "Skøyen - Galgeberg", TransportMode.Bus, 700, Ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7266", "NSR:Quay:7265", 0), new("NSR:StopPlace:58366", "NSR:Quay:1002", "NSR:Quay:1002", 13)],
                Urban(10, 15, 30, 7)),
            new("RUT:Line:1", "1", "Frognerseteren - Bergkrystallen", TransportMode.Metro, 401, Ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7267", "NSR:Quay:7267", 0), new("NSR:StopPlace:58404", "NSR:Quay:7183", "NSR:Quay:7183", 3), new("NSR:StopPlace:58366", "NSR:Quay:1003", "NSR:Quay:1003", 5)],
                new(330, 1485, 15, 15, 30, 4)),
            new("RUT:Line:N31", "N31", "Nattbuss Majorstuen - Jernbanetorget", TransportMode.Bus, 700, Ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7265", "NSR:Quay:7266", 0), new("NSR:StopPlace:58404", "NSR:Quay:7182", "NSR:Quay:7182", 6), new("NSR:StopPlace:58366", "NSR:Quay:1001", "NSR:Quay:1001", 10)],
                new(1455, 1665, 30, 30, 30, 0)),
            new("VYG:Line:L1", "L1", "Spikkestad - Oslo S - Lillestrøm", TransportMode.Rail, 109, Vy,
                [new("NSR:StopPlace:58404", "NSR:Quay:7184", "NSR:Quay:7184", 0), new("NSR:StopPlace:59872", "NSR:Quay:7363", "NSR:Quay:7363", 4)],
                new(300, 1460, 15, 30, 30, 9)),
            new("VYG:Line:R10", "R10", "Drammen - Oslo S - Lillehammer", TransportMode.Rail, 106, Vy,
                [new("NSR:StopPlace:58404", "NSR:Quay:7184", "NSR:Quay:7184", 0), new("NSR:StopPlace:59872", "NSR:Quay:7364", "NSR:Quay:7364", 5)],
                new(330, 1430, 30, 60, 60, 21)),

            new("SKY:Line:1", "1", "Byparken - Flesland", TransportMode.Tram, 900, Skyss,
                [new("NSR:StopPlace:62113", "NSR:Quay:9801", "NSR:Quay:9801", 0), new("NSR:StopPlace:30810", "NSR:Quay:9811", "NSR:Quay:9811", 3)],
                Urban(5, 10, 20, 1)),
            new("SKY:Line:20", "20", "Bergen busstasjon - Loddefjord", TransportMode.Bus, 700, Skyss,
                [new("NSR:StopPlace:30810", "NSR:Quay:9812", "NSR:Quay:9812", 0), new("NSR:StopPlace:62113", "NSR:Quay:9802", "NSR:Quay:9802", 4), new("NSR:StopPlace:30950", "NSR:Quay:9831", "NSR:Quay:9832", 9)],
                Urban(10, 15, 30, 3)),
            new("SKY:Line:3", "3", "Vadmyra - Møhlenpris - Bergen stasjon", TransportMode.Bus, 700, Skyss,
                [new("NSR:StopPlace:30950", "NSR:Quay:9832", "NSR:Quay:9831", 0), new("NSR:StopPlace:62113", "NSR:Quay:9802", "NSR:Quay:9802", 6), new("NSR:StopPlace:59977", "NSR:Quay:9821", "NSR:Quay:9822", 10)],
                Urban(15, 20, 30, 8)),
            new("SKY:Line:12", "12", "Bergen stasjon - Bergen busstasjon, via Kaigaten", TransportMode.Bus, 700, Skyss,
                [new("NSR:StopPlace:59977", "NSR:Quay:9822", "NSR:Quay:9821", 0), new("NSR:StopPlace:30810", "NSR:Quay:9813", "NSR:Quay:9813", 3)],
                Urban(15, 30, 30, 12)),

            new("ATB:Line:1", "1", "Lade - Kjøpmannsgata - Stavset", TransportMode.Bus, 700, AtB,
                [new("NSR:StopPlace:42660", "NSR:Quay:71221", "NSR:Quay:71222", 0), new("NSR:StopPlace:41613", "NSR:Quay:71201", "NSR:Quay:71202", 4), new("NSR:StopPlace:44085", "NSR:Quay:71241", "NSR:Quay:71242", 11)],
                Urban(10, 15, 30, 5)),
            new("ATB:Line:3", "3", "Lohove - Trondheim S - Hallset", TransportMode.Bus, 700, AtB,
                [new("NSR:StopPlace:41742", "NSR:Quay:71181", "NSR:Quay:71182", 0), new("NSR:StopPlace:41613", "NSR:Quay:71203", "NSR:Quay:71203", 5), new("NSR:StopPlace:44085", "NSR:Quay:71242", "NSR:Quay:71241", 12)],
                Urban(10, 15, 30, 0)),
            new("ATB:Line:22", "22", "Trondheim S - Tyholt", TransportMode.Bus, 700, AtB,
                [new("NSR:StopPlace:41742", "NSR:Quay:71182", "NSR:Quay:71181", 0), new("NSR:StopPlace:42660", "NSR:Quay:71222", "NSR:Quay:71221", 4)],
                Urban(15, 20, 30, 11)),
        ];

        Authorities = [.. Lines.Select(line => line.Authority).Distinct()];
        _stopPlaces = StopPlaces.ToDictionary(stop => stop.Id, StringComparer.Ordinal);
        _quays = StopPlaces.SelectMany(stop => stop.Quays).ToDictionary(quay => quay.Id, StringComparer.Ordinal);
        _linesByStopPlace = StopPlaces.ToDictionary(
            stop => stop.Id,
            stop => (IReadOnlyList<TransitLine>)[.. Lines.Where(line => line.Pattern.Any(p => p.StopPlaceId == stop.Id))],
            StringComparer.Ordinal);
    }

    private readonly Dictionary<string, StopPlace> _stopPlaces;
    private readonly Dictionary<string, Quay> _quays;
    private readonly Dictionary<string, IReadOnlyList<TransitLine>> _linesByStopPlace;

    public static EnturNetwork Instance { get; } = new();

    public IReadOnlyList<StopPlace> StopPlaces { get; }

    public IReadOnlyList<TransitLine> Lines { get; }

    public IReadOnlyList<Authority> Authorities { get; }

    public StopPlace? FindStopPlace(string id) => _stopPlaces.GetValueOrDefault(id);

    public StopPlace StopPlace(string id) => _stopPlaces[id];

    public Quay Quay(string id) => _quays[id];

    public IReadOnlyList<TransitLine> LinesAt(string stopPlaceId) => _linesByStopPlace.GetValueOrDefault(stopPlaceId) ?? [];

    // Quays sit a few tens of metres from their stop place, spread around it deterministically by their position.
    private static StopPlace Stop(string id, string name, string city, double latitude, double longitude, params (string Id, string PublicCode, string Name)[] quays)
    {
        var placed = quays.Select((quay, index) =>
        {
            var angle = (2 * Math.PI * index / quays.Length) + 0.5;
            return new Quay(
                quay.Id,
                id,
                quay.Name,
                quay.PublicCode,
                Math.Round(latitude + (0.0003 * Math.Sin(angle)), 6),
                Math.Round(longitude + (0.0006 * Math.Cos(angle)), 6));
        });
        return new StopPlace(id, name, city, latitude, longitude, [.. placed]);
    }
}
