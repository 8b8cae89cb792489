using Tributary.Curation;

namespace Tributary.CurationBench;

/// <summary>
/// Departure-board-like pages: each page is one stop place's departures on one city-day (one table partition), as
/// the Journey Planner mapper makes them, with deterministic values so every round writes the same rows.
/// </summary>
public static class SyntheticPages
{
    private static readonly string[] Cities = ["oslo", "bergen", "trondheim"];

    public static IReadOnlyList<(ObservationLineage Lineage, IReadOnlyList<Observation> Observations)> Make(int observations, int perPage)
    {
        var pages = new List<(ObservationLineage, IReadOnlyList<Observation>)>();
        var day = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        for (var page = 0; page * perPage < observations; page++)
        {
            var city = Cities[page % Cities.Length];
            var start = day.AddDays(page / Cities.Length % 7);
            var rows = new List<Observation>(perPage);
            for (var i = 0; i < perPage && page * perPage + i < observations; i++)
            {
                var quay = $"NSR:Quay:{page * 10 + i % 10}";
                var journey = $"RUT:ServiceJourney:{page}-{i}";
                rows.Add(new Observation("entur-jp", Metrics.DepartureDelay, quay, city, 59.91, 10.75, start.AddSeconds(i * 137 % 86400), 0,
                    i % 17 * 15 - 60, "s", i % 23 == 0 ? QualityFlags.ScheduledOnly : QualityFlags.None, $"{journey}|2026-11-22|{quay}")
                {
                    EventId = $"{journey}|2026-11-22",
                });
            }
            var blob = $"entur-jp/2026/11/22/20261122T0700Z/NSR:StopPlace:{page}.json";
            pages.Add((new ObservationLineage("20261122T0700Z", blob, $"{page:x64}"), rows));
        }
        return pages;
    }
}
