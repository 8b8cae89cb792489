using Tributary.Curation;

namespace Tributary.Marts;

/// <summary>
/// Reads the inputs of KPIs for one city-day as the aggregate stage sees them: each input metric's RowKey range of
/// the city-day once, with the stop place of each quay a departure board listed that day resolved through the
/// <c>stop</c> dimension. The aggregate stage and the drill-down both read through here, so a drill-down shows
/// exactly the observations a bucket was computed from.
/// </summary>
public sealed class KpiInputReader(ObservationStore observations, DimensionStore dimensions)
{
    /// <summary>One stored observation of an input metric and what the KPI formula sees of it.</summary>
    public sealed record Row(string Metric, ObservationEntity Stored, InputObservation Input);

    public async Task<IReadOnlyList<Row>> ReadAsync(string city, DateOnly day, IReadOnlyList<string> metrics, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(metrics.Select(m => observations.GetMetricAsync(city, day, m, cancellationToken)));
        // Stop places come from the GTFS stop dimension, for the quays the departure boards listed (see ServiceDelivered).
        var boardQuays = metrics.Zip(rows).Where(p => p.First == Metrics.DepartureDelay).SelectMany(p => p.Second).Select(r => r.LocationId);
        var places = await dimensions.StopPlacesAsync(boardQuays, cancellationToken);
        return [.. metrics.Zip(rows).SelectMany(p => p.Second.Select(r =>
            new Row(p.First, r, InputObservation.From(r, StopLocatedMetrics.Contains(p.First) ? places.GetValueOrDefault(r.LocationId) : null))))];
    }

    /// <summary>The inputs per metric, in the order they were read (time order within each metric).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<InputObservation>> ByMetric(IReadOnlyList<string> metrics, IReadOnlyList<Row> rows) =>
        metrics.ToDictionary(
            m => m,
            m => (IReadOnlyList<InputObservation>)[.. rows.Where(r => r.Metric == m).Select(r => r.Input)],
            StringComparer.Ordinal);
}
