namespace Tributary.Replay.Entur.Network;

/// <summary>
/// The stop places, quays and lines both Entur replays serve; ids follow Entur's <c>CODESPACE:Type:local</c> form and
/// are the same in the Journey Planner and in the GTFS ZIP. <see cref="Demo"/> is the default catalogue; the national
/// benchmark feed builds a large one from the seed (<see cref="Gtfs.NationalNetwork"/>).
/// </summary>
internal sealed class EnturNetwork
{
    private readonly Dictionary<string, StopPlace> _stopPlaces;
    private readonly Dictionary<string, IReadOnlyList<TransitLine>> _linesByStopPlace;

    public EnturNetwork(IReadOnlyList<StopPlace> stopPlaces, IReadOnlyList<TransitLine> lines)
    {
        StopPlaces = stopPlaces;
        Lines = lines;
        Authorities = [.. lines.Select(line => line.Authority).Distinct()];
        _stopPlaces = stopPlaces.ToDictionary(stop => stop.Id, StringComparer.Ordinal);
        _linesByStopPlace = lines.SelectMany(line => line.Pattern.Select(stop => (stop.StopPlaceId, line))).Distinct()
            .GroupBy(pair => pair.StopPlaceId, pair => pair.line, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<TransitLine>)[.. group], StringComparer.Ordinal);
    }

    /// <summary>
    /// Four stop places per demo city (Oslo, Bergen, Trondheim) and 15 lines through them. <c>NSR:StopPlace:58366</c>
    /// Jernbanetorget and its quays 1001/1002 are the ones in the data-source notes; the other ids are invented in the same style.
    /// </summary>
    public static EnturNetwork Demo { get; } = BuildDemo();

    public IReadOnlyList<StopPlace> StopPlaces { get; }

    public IReadOnlyList<TransitLine> Lines { get; }

    public IReadOnlyList<Authority> Authorities { get; }

    public StopPlace? FindStopPlace(string id) => _stopPlaces.GetValueOrDefault(id);

    public StopPlace StopPlace(string id) => _stopPlaces[id];

    public IReadOnlyList<TransitLine> LinesAt(string stopPlaceId) => _linesByStopPlace.GetValueOrDefault(stopPlaceId) ?? [];

    /// <summary>Quays sit a few tens of metres from their stop place, spread around it deterministically by their position.</summary>
    public static StopPlace Stop(string id, string name, double latitude, double longitude, params (string Id, string PublicCode, string Name)[] quays) =>
        new(id, name, latitude, longitude, [.. quays.Select((quay, index) =>
        {
            var angle = (2 * Math.PI * index / quays.Length) + 0.5;
            return new Quay(quay.Id, id, quay.Name, quay.PublicCode, Math.Round(latitude + (0.0003 * Math.Sin(angle)), 6), Math.Round(longitude + (0.0006 * Math.Cos(angle)), 6));
        })]);

    private static EnturNetwork BuildDemo()
    {
        var ruter = new Authority("RUT:Authority:RUT", "Ruter", "https://ruter.no");
        var vy = new Authority("VYG:Authority:VYG", "Vy", "https://www.vy.no");
        var skyss = new Authority("SKY:Authority:SKY", "Skyss", "https://www.skyss.no");
        var atB = new Authority("ATB:Authority:2", "AtB", "https://www.atb.no");

        // Buses and trams by day, in minutes after the start of the service day (05:30 to 24:30).
        static ServicePlan Urban(int peak, int @base, int evening, int offset) => new(330, 1470, peak, @base, evening, offset);

        StopPlace[] stopPlaces =
        [
            Stop("NSR:StopPlace:58366", "Jernbanetorget", 59.9119, 10.7506,
                ("NSR:Quay:1001", "A", "Jernbanetorget"), ("NSR:Quay:1002", "B", "Jernbanetorget, spor \"B\""), ("NSR:Quay:1003", "C", "Jernbanetorget")),
            Stop("NSR:StopPlace:59872", "Oslo S", 59.9109, 10.7528,
                ("NSR:Quay:7363", "2", "Oslo S"), ("NSR:Quay:7364", "3", "Oslo S")),
            Stop("NSR:StopPlace:58404", "Nationaltheatret", 59.9146, 10.7315,
                ("NSR:Quay:7182", "A", "Nationaltheatret"), ("NSR:Quay:7183", "M", "Nationaltheatret"), ("NSR:Quay:7184", "1", "Nationaltheatret")),
            Stop("NSR:StopPlace:58381", "Majorstuen", 59.9298, 10.7147,
                ("NSR:Quay:7265", "A", "Majorstuen"), ("NSR:Quay:7266", "B", "Majorstuen"), ("NSR:Quay:7267", "M", "Majorstuen")),

            Stop("NSR:StopPlace:62113", "Byparken", 60.3918, 5.3254,
                ("NSR:Quay:9801", "A", "Byparken"), ("NSR:Quay:9802", "B", "Byparken")),
            Stop("NSR:StopPlace:30810", "Bergen busstasjon", 60.3887, 5.3348,
                ("NSR:Quay:9811", "A", "Bergen busstasjon"), ("NSR:Quay:9812", "C", "Bergen busstasjon"), ("NSR:Quay:9813", "D", "Bergen busstasjon")),
            Stop("NSR:StopPlace:59977", "Bergen stasjon", 60.3903, 5.3337,
                ("NSR:Quay:9821", "A", "Bergen stasjon"), ("NSR:Quay:9822", "B", "Bergen stasjon")),
            Stop("NSR:StopPlace:30950", "Møhlenpris", 60.3835, 5.3155,
                ("NSR:Quay:9831", "A", "Møhlenpris"), ("NSR:Quay:9832", "B", "Møhlenpris")),

            Stop("NSR:StopPlace:41742", "Trondheim S", 63.4363, 10.3990,
                ("NSR:Quay:71181", "A", "Trondheim S"), ("NSR:Quay:71182", "B", "Trondheim S")),
            Stop("NSR:StopPlace:41613", "Prinsens gate", 63.4310, 10.3925,
                ("NSR:Quay:71201", "P1", "Prinsens gate"), ("NSR:Quay:71202", "P2", "Prinsens gate"), ("NSR:Quay:71203", "P3", "Prinsens gate")),
            Stop("NSR:StopPlace:42660", "Kjøpmannsgata", 63.4335, 10.4020,
                ("NSR:Quay:71221", "A", "Kjøpmannsgata"), ("NSR:Quay:71222", "B", "Kjøpmannsgata")),
            Stop("NSR:StopPlace:44085", "Studentersamfundet", 63.4224, 10.3953,
                ("NSR:Quay:71241", "1", "Studentersamfundet"), ("NSR:Quay:71242", "2", "Studentersamfundet")),
        ];

        TransitLine[] lines =
        [
            new("RUT:Line:31", "31", "Snarøya - Tonsenhagen", "bus", 700, ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7265", "NSR:Quay:7266", 0), new("NSR:StopPlace:58404", "NSR:Quay:7182", "NSR:Quay:7182", 6), new("NSR:StopPlace:58366", "NSR:Quay:1001", "NSR:Quay:1001", 11)],
                Urban(10, 15, 30, 2)),
            new("RUT:Line:20", "20", "Skøyen - Galgeberg", "bus", 700, ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7266", "NSR:Quay:7265", 0), new("NSR:StopPlace:58366", "NSR:Quay:1002", "NSR:Quay:1002", 13)],
                Urban(10, 15, 30, 7)),
            new("RUT:Line:1", "1", "Frognerseteren - Bergkrystallen", "metro", 401, ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7267", "NSR:Quay:7267", 0), new("NSR:StopPlace:58404", "NSR:Quay:7183", "NSR:Quay:7183", 3), new("NSR:StopPlace:58366", "NSR:Quay:1003", "NSR:Quay:1003", 5)],
                new(330, 1485, 15, 15, 30, 4)),
            new("RUT:Line:N31", "N31", "Nattbuss Majorstuen - Jernbanetorget", "bus", 700, ruter,
                [new("NSR:StopPlace:58381", "NSR:Quay:7265", "NSR:Quay:7266", 0), new("NSR:StopPlace:58404", "NSR:Quay:7182", "NSR:Quay:7182", 6), new("NSR:StopPlace:58366", "NSR:Quay:1001", "NSR:Quay:1001", 10)],
                new(1455, 1665, 30, 30, 30, 0)),
            new("VYG:Line:L1", "L1", "Spikkestad - Oslo S - Lillestrøm", "rail", 109, vy,
                [new("NSR:StopPlace:58404", "NSR:Quay:7184", "NSR:Quay:7184", 0), new("NSR:StopPlace:59872", "NSR:Quay:7363", "NSR:Quay:7363", 4)],
                new(300, 1460, 15, 30, 30, 9)),
            new("VYG:Line:R10", "R10", "Drammen - Oslo S - Lillehammer", "rail", 106, vy,
                [new("NSR:StopPlace:58404", "NSR:Quay:7184", "NSR:Quay:7184", 0), new("NSR:StopPlace:59872", "NSR:Quay:7364", "NSR:Quay:7364", 5)],
                new(330, 1430, 30, 60, 60, 21)),

            new("SKY:Line:1", "1", "Byparken - Flesland", "tram", 900, skyss,
                [new("NSR:StopPlace:62113", "NSR:Quay:9801", "NSR:Quay:9801", 0), new("NSR:StopPlace:30810", "NSR:Quay:9811", "NSR:Quay:9811", 3)],
                Urban(5, 10, 20, 1)),
            new("SKY:Line:20", "20", "Bergen busstasjon - Loddefjord", "bus", 700, skyss,
                [new("NSR:StopPlace:30810", "NSR:Quay:9812", "NSR:Quay:9812", 0), new("NSR:StopPlace:62113", "NSR:Quay:9802", "NSR:Quay:9802", 4), new("NSR:StopPlace:30950", "NSR:Quay:9831", "NSR:Quay:9832", 9)],
                Urban(10, 15, 30, 3)),
            new("SKY:Line:3", "3", "Vadmyra - Møhlenpris - Bergen stasjon", "bus", 700, skyss,
                [new("NSR:StopPlace:30950", "NSR:Quay:9832", "NSR:Quay:9831", 0), new("NSR:StopPlace:62113", "NSR:Quay:9802", "NSR:Quay:9802", 6), new("NSR:StopPlace:59977", "NSR:Quay:9821", "NSR:Quay:9822", 10)],
                Urban(15, 20, 30, 8)),
            new("SKY:Line:12", "12", "Bergen stasjon - Bergen busstasjon, via Kaigaten", "bus", 700, skyss,
                [new("NSR:StopPlace:59977", "NSR:Quay:9822", "NSR:Quay:9821", 0), new("NSR:StopPlace:30810", "NSR:Quay:9813", "NSR:Quay:9813", 3)],
                Urban(15, 30, 30, 12)),

            new("ATB:Line:1", "1", "Lade - Kjøpmannsgata - Stavset", "bus", 700, atB,
                [new("NSR:StopPlace:42660", "NSR:Quay:71221", "NSR:Quay:71222", 0), new("NSR:StopPlace:41613", "NSR:Quay:71201", "NSR:Quay:71202", 4), new("NSR:StopPlace:44085", "NSR:Quay:71241", "NSR:Quay:71242", 11)],
                Urban(10, 15, 30, 5)),
            new("ATB:Line:3", "3", "Lohove - Trondheim S - Hallset", "bus", 700, atB,
                [new("NSR:StopPlace:41742", "NSR:Quay:71181", "NSR:Quay:71182", 0), new("NSR:StopPlace:41613", "NSR:Quay:71203", "NSR:Quay:71203", 5), new("NSR:StopPlace:44085", "NSR:Quay:71242", "NSR:Quay:71241", 12)],
                Urban(10, 15, 30, 0)),
            new("ATB:Line:22", "22", "Trondheim S - Tyholt", "bus", 700, atB,
                [new("NSR:StopPlace:41742", "NSR:Quay:71182", "NSR:Quay:71181", 0), new("NSR:StopPlace:42660", "NSR:Quay:71222", "NSR:Quay:71221", 4)],
                Urban(15, 20, 30, 11)),
        ];

        return new EnturNetwork(stopPlaces, lines);
    }
}
