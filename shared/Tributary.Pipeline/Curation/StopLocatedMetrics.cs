namespace Tributary.Curation;

/// <summary>
/// The metrics whose observations sit at a quay or stop (their location id is a GTFS/NeTEx stop id), so the marts can
/// split them by stop place. Every other metric is city-wide there: weather at the city, air quality from the
/// city's sensors.
/// </summary>
public static class StopLocatedMetrics
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Metrics.DepartureDelay, Metrics.ScheduledDepartures };

    public static bool Contains(string metric) => All.Contains(metric);
}
