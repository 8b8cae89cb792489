using System.Globalization;
using Tributary.Replay.Determinism;
using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.Gtfs;

/// <summary>
/// A national-size network from the seed, for the benchmark feed: bus lines of 8 to 25 stop places each, in towns
/// spread over Norway, added until their trips over the three day types reach the wanted number of stop times.
/// Ids are in the NSR and codespace style of the real feed but, like the whole network, invented.
/// </summary>
internal static class NationalNetwork
{
    private const long Stream = 501;

    private static readonly Authority[] Authorities =
    [
        new("RUT:Authority:RUT", "Ruter", "https://ruter.no"), new("SKY:Authority:SKY", "Skyss", "https://www.skyss.no"),
        new("ATB:Authority:2", "AtB", "https://www.atb.no"), new("KOL:Authority:KOL", "Kolumbus", "https://www.kolumbus.no"),
        new("INN:Authority:INN", "Innlandstrafikk", "https://www.innlandstrafikk.no"), new("TRO:Authority:TRO", "Troms fylkestrafikk", "https://www.tromskortet.no"),
    ];

    public static EnturNetwork Generate(int seed, int minStopTimes)
    {
        double Unit(long key, long position) => SeededNoise.Unit(SeededNoise.Hash(seed, Stream, key, position));
        List<StopPlace> stopPlaces = [];
        List<TransitLine> lines = [];
        for (long stopTimes = 0, number = 1; stopTimes < minStopTimes || lines.Count == 0; number++)
        {
            // A town somewhere between Kristiansand and Tromsø; the line wanders through it a few hundred metres a stop.
            var (latitude, longitude) = (58.1 + (11.5 * Unit(number, 0)), 5.3 + (13.5 * Unit(number, 1)));
            List<PatternStop> pattern = [];
            for (int position = 0, minute = 0, length = 8 + (int)(18 * Unit(number, 2)); position < length; position++, minute += 1 + (int)(4 * Unit(number, 10 + position)))
            {
                var id = Id("NSR:StopPlace:", 100_000 + stopPlaces.Count);
                stopPlaces.Add(EnturNetwork.Stop(id, $"Stopp {stopPlaces.Count + 1}", Math.Round(latitude + (0.004 * position), 6), Math.Round(longitude + (0.006 * Unit(number, 40 + position)), 6),
                    (Id("NSR:Quay:", 500_000 + (2 * stopPlaces.Count)), "A", $"Stopp {stopPlaces.Count + 1}"), (Id("NSR:Quay:", 500_001 + (2 * stopPlaces.Count)), "B", $"Stopp {stopPlaces.Count + 1}")));
                pattern.Add(new PatternStop(id, stopPlaces[^1].Quays[0].Id, stopPlaces[^1].Quays[1].Id, minute));
            }

            var authority = Authorities[number % Authorities.Length];
            var headway = 10 + (5 * (int)(4 * Unit(number, 3)));
            var line = new TransitLine($"{authority.Codespace}:Line:{number}", Id("", number), $"Linje {number}", "bus", 700, authority, pattern,
                new ServicePlan(330, 1440, headway, headway + 5, 2 * headway, (int)(10 * Unit(number, 4))));
            lines.Add(line);
            stopTimes += Enum.GetValues<DayType>().Sum(dayType => (Timetable.TripsOf(line, dayType, 0).Count() + Timetable.TripsOf(line, dayType, 1).Count()) * (long)pattern.Count);
        }

        return new EnturNetwork(stopPlaces, lines);
    }

    private static string Id(string prefix, long number) => prefix + number.ToString(CultureInfo.InvariantCulture);
}
