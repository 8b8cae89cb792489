using System.Text.Json.Nodes;

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
    public static EnturNetwork Demo { get; } = LoadDemo();

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

    // The catalogue is data, kept beside this file as demo-network.json (embedded): authorities, stop places with their
    // quays [id, public code, name], and lines with their pattern [stop place, outbound quay, inbound quay, minute] and
    // plan [first minute, last minute, peak, base, evening headway, offset].
    private static EnturNetwork LoadDemo()
    {
        using var stream = typeof(EnturNetwork).Assembly.GetManifestResourceStream("Tributary.Replay.Entur.Network.demo-network.json")!;
        var root = JsonNode.Parse(stream)!;
        static string Text(JsonNode? node, string name) => node![name]!.GetValue<string>();
        static T[] Items<T>(JsonNode? node, string name, Func<JsonArray, T> item) => [.. node![name]!.AsArray().Select(entry => item(entry!.AsArray()))];

        var authorities = root["authorities"]!.AsArray().Select(a => new Authority(Text(a, "id"), Text(a, "name"), Text(a, "url"))).ToDictionary(a => a.Id);
        var stopPlaces = root["stopPlaces"]!.AsArray().Select(place => Stop(Text(place, "id"), Text(place, "name"), place!["latitude"]!.GetValue<double>(),
            place["longitude"]!.GetValue<double>(), Items(place, "quays", quay => (quay[0]!.GetValue<string>(), quay[1]!.GetValue<string>(), quay[2]!.GetValue<string>()))));
        var lines = root["lines"]!.AsArray().Select(line =>
        {
            var plan = line!["plan"]!.AsArray().Select(minute => minute!.GetValue<int>()).ToArray();
            return new TransitLine(Text(line, "id"), Text(line, "publicCode"), Text(line, "name"), Text(line, "transportMode"), line["gtfsRouteType"]!.GetValue<int>(),
                authorities[Text(line, "authority")],
                Items(line, "pattern", stop => new PatternStop(stop[0]!.GetValue<string>(), stop[1]!.GetValue<string>(), stop[2]!.GetValue<string>(), stop[3]!.GetValue<int>())),
                new ServicePlan(plan[0], plan[1], plan[2], plan[3], plan[4], plan[5]));
        });
        return new EnturNetwork([.. stopPlaces], [.. lines]);
    }
}
