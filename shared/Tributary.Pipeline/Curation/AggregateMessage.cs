using System.Text.Json.Serialization;

namespace Tributary.Curation;

/// <summary>
/// Asks the aggregate stage to recompute the KPI buckets of one city on the given UTC days, for the KPIs that read
/// one of <see cref="Metrics"/>. A message without <c>metrics</c> (sent before messages named them) recomputes
/// every KPI.
/// </summary>
public sealed record AggregateMessage(
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("days")] IReadOnlyList<DateOnly> Days)
{
    /// <summary>More stops than this are not listed (<see cref="Stops"/> is then null): a queue message holds at most 64 KiB.</summary>
    public const int MaxStops = 100;

    /// <summary>The canonical metrics the page wrote.</summary>
    [JsonPropertyName("metrics")]
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>
    /// The quays and stops the page's stop-located observations were at; null when there were too many to list
    /// (a timetable) or none. When every metric is stop-located, only these stops' stop-place rows are recomputed.
    /// </summary>
    [JsonPropertyName("stops")]
    public IReadOnlyList<string>? Stops { get; init; }

    /// <summary>What a page wrote for one city: its UTC days, metrics and stops.</summary>
    public static AggregateMessage For(string city, IEnumerable<Observation> observations, IReadOnlyList<string>? dimensionKinds)
    {
        var list = observations.ToList();
        var stops = list.Where(o => StopLocatedMetrics.Contains(o.Metric)).Select(o => o.LocationId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new AggregateMessage(city, [.. list.Select(o => DateOnly.FromDateTime(o.TimestampUtc.UtcDateTime)).Distinct().Order()])
        {
            Metrics = [.. list.Select(o => o.Metric).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Stops = stops.Count is > 0 and <= MaxStops ? stops : null,
            Dimensions = dimensionKinds is { Count: > 0 } ? dimensionKinds : null,
        };
    }

    /// <summary>
    /// The dimension kinds (e.g. <c>stop</c>) whose rows the page wrote, whether or not they changed this time: a
    /// redelivered page finds the rows its crashed attempt wrote, and must still have the KPIs that read them recomputed.
    /// </summary>
    [JsonPropertyName("dimensions")]
    public IReadOnlyList<string>? Dimensions { get; init; }
}
