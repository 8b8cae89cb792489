using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>
/// Keys of table <c>observations</c>. PartitionKey = <c>{city}|{yyyyMMdd}</c> (one city-day: the unit the KPI stage
/// recomputes, and a natural spread of writes); RowKey = <c>{metric}|{yyyyMMddTHHmm}|{source}|{location}</c>, plus
/// <c>|{event}</c> for event series (departures), so one metric of a city-day is a single RowKey range.
/// </summary>
public static class ObservationKeys
{
    public static string Partition(string cityId, DateOnly dayUtc) => TableKey.Join(cityId, dayUtc.ToString("yyyyMMdd"));

    public static string Partition(Observation o) => Partition(o.CityId, DateOnly.FromDateTime(o.TimestampUtc.UtcDateTime));

    public static string Row(Observation o) => o.EventId is null
        ? TableKey.Join(o.Metric, o.TimestampUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmm"), o.Source, o.LocationId)
        : TableKey.Join(o.Metric, o.TimestampUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmm"), o.Source, o.LocationId, o.EventId);

    /// <summary>The RowKey range [from, to) that holds one metric of a partition.</summary>
    public static (string From, string To) MetricRange(string metric) => ($"{metric}|", $"{metric}|~");
}
