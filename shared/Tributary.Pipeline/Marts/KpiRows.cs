using System.Text.Json;
using Tributary.Curation;

namespace Tributary.Marts;

/// <summary>
/// Turns one city-day of observations into the rows of one KPI: a bucket per grain (each UTC hour that has an
/// input, and the day), for the city and, if the KPI has that dimension, for each stop place with a stop-located
/// input. City-wide inputs are shared by the city's stop places. A bucket is a function of its observations
/// alone, so late, duplicate and reordered data all converge. Pure: no I/O.
/// </summary>
public static class KpiRows
{
    /// <summary>The most raw pages one row's lineage lists, so a row stays far below the 64 KiB column limit.</summary>
    public const int MaxLineage = 32;

    /// <summary>Values are rounded so that summing the same inputs can never produce a different last bit, and a different row.</summary>
    public const int Decimals = 4;

    public static IReadOnlyList<KpiEntity> Compute(
        KpiDefinition kpi, string cityId, DateOnly dayUtc, IReadOnlyDictionary<string, IReadOnlyList<InputObservation>> observations)
    {
        var partition = KpiKeys.Partition(kpi.Id, cityId, dayUtc);
        var inputs = DayInputs(kpi, dayUtc, observations).ToList();
        var perStop = kpi.Dimensions.Contains(KpiDimension.StopPlace);
        var rows = new List<KpiEntity>();
        foreach (var grain in kpi.Grains)
        {
            foreach (var bucket in inputs.GroupBy(i => grain.BucketOf(i.Observation.TimestampUtc)).OrderBy(b => b.Key))
            {
                rows.Add(Row(kpi, partition, cityId, grain, bucket.Key, null, [.. bucket]));
                if (!perStop) continue;
                var stopPlaces = bucket.Where(i => StopLocatedMetrics.Contains(i.Metric) && i.Observation.StopPlace is not null)
                    .GroupBy(i => i.Observation.StopPlace!, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal);
                foreach (var stop in stopPlaces)
                {
                    rows.Add(Row(kpi, partition, cityId, grain, bucket.Key, stop.Key, [.. bucket.Where(i => FeedsArea(i.Metric, i.Observation, stop.Key))]));
                }
            }
        }
        return rows;
    }

    /// <summary>
    /// The inputs one bucket's row was computed from: the KPI's input observations of the day whose
    /// <see cref="KpiGrains.BucketOf"/> is <paramref name="bucketStartUtc"/> and that feed the area (see
    /// <see cref="FeedsArea"/>), in the order <see cref="Compute"/> sees them.
    /// </summary>
    public static IReadOnlyList<(string Metric, InputObservation Observation)> InputsOf(KpiDefinition kpi, DateOnly dayUtc, KpiGrain grain,
        DateTimeOffset bucketStartUtc, string? stopPlace, IReadOnlyDictionary<string, IReadOnlyList<InputObservation>> observations) =>
        [.. DayInputs(kpi, dayUtc, observations).Where(i => grain.BucketOf(i.Observation.TimestampUtc) == bucketStartUtc && FeedsArea(i.Metric, i.Observation, stopPlace))];

    /// <summary>
    /// Whether an input feeds an area's row: a city row takes every input; a stop place's row its own stop-located
    /// inputs and every city-wide one (weather and air quality are shared by the city's stop places).
    /// </summary>
    public static bool FeedsArea(string metric, InputObservation observation, string? stopPlace) =>
        stopPlace is null || !StopLocatedMetrics.Contains(metric) || string.Equals(observation.StopPlace, stopPlace, StringComparison.Ordinal);

    private static IEnumerable<(string Metric, InputObservation Observation)> DayInputs(
        KpiDefinition kpi, DateOnly dayUtc, IReadOnlyDictionary<string, IReadOnlyList<InputObservation>> observations) =>
        kpi.Inputs.SelectMany(m => (observations.GetValueOrDefault(m) ?? []).Select(o => (Metric: m, Observation: o)))
            .Where(i => DateOnly.FromDateTime(i.Observation.TimestampUtc.UtcDateTime) == dayUtc);

    private static KpiEntity Row(KpiDefinition kpi, string partition, string cityId, KpiGrain grain, DateTimeOffset bucket, string? stopPlace,
        IReadOnlyList<(string Metric, InputObservation Observation)> inputs)
    {
        var byMetric = kpi.Inputs.ToDictionary(m => m, m => (IReadOnlyList<InputObservation>)[.. inputs.Where(i => i.Metric == m).Select(i => i.Observation)], StringComparer.Ordinal);
        var result = kpi.Compute(new KpiInputs(grain, bucket, byMetric));
        var pages = inputs.Select(i => new LineageEntry(i.Observation.RawBlob, i.Observation.RawSha256)).Distinct()
            .OrderBy(l => l.Blob, StringComparer.Ordinal).ThenBy(l => l.Sha256, StringComparer.Ordinal).ToList();
        return new KpiEntity
        {
            PartitionKey = partition,
            RowKey = KpiKeys.Row(grain, stopPlace ?? KpiKeys.CityArea, bucket),
            Kpi = kpi.Id,
            Grain = grain.Name(),
            City = cityId,
            StopPlace = stopPlace,
            BucketStartUtc = bucket,
            BucketSeconds = (int)grain.Length().TotalSeconds,
            Value = result.Value is { } v ? Math.Round(v, Decimals, MidpointRounding.AwayFromZero) : null,
            Unit = kpi.Unit,
            Reason = result.Value is null ? result.Reason ?? KpiReasons.MissingInput : null,
            Inputs = inputs.Count,
            Used = result.Used,
            Coverage = Math.Round(result.Coverage, Decimals, MidpointRounding.AwayFromZero),
            InputCounts = JsonSerializer.Serialize(byMetric.ToDictionary(p => p.Key, p => p.Value.Count)),
            Lineage = JsonSerializer.Serialize(pages.Take(MaxLineage)),
            LineageBlobs = pages.Count,
        };
    }
}
