using Microsoft.Extensions.Logging;
using Tributary.Curation;

namespace Tributary.Marts;

/// <summary>
/// The aggregate stage: recomputes every KPI bucket of the requested city-days from the observations alone.
/// Because a bucket is a function of its inputs, late, duplicated or reordered messages all converge.
/// </summary>
public sealed partial class Aggregator(ObservationStore observations, KpiStore kpis, ILogger<Aggregator> logger)
{
    public async Task<int> AggregateAsync(AggregateMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.City)) throw new InvalidMessageException("aggregate message has no 'city'.");
        if (message.Days is not { Count: > 0 }) throw new InvalidMessageException("aggregate message has no 'days'.");
        var written = 0;
        foreach (var day in message.Days.Distinct())
        {
            var inputs = await observations.GetMetricAsync(message.City, day, Metrics.ApparentTemperature, cancellationToken);
            var points = ThermalComfortBuckets(inputs.Select(ObservationInput.From));
            written += await kpis.ReplaceDayAsync(KpiCatalog.ThermalComfortId, message.City, day, points, cancellationToken);
            LogAggregated(logger, message.City, day, points.Count, written);
        }
        return written;
    }

    /// <summary>One bucket per UTC hour that has any apparent-temperature input; values from several sources are averaged.</summary>
    internal static IReadOnlyList<KpiPoint> ThermalComfortBuckets(IEnumerable<ObservationInput> inputs) =>
        inputs
            .GroupBy(i => new DateTimeOffset(i.TimestampUtc.UtcDateTime.Date.AddHours(i.TimestampUtc.UtcDateTime.Hour), TimeSpan.Zero))
            .OrderBy(g => g.Key)
            .Select(bucket =>
            {
                var values = bucket.Where(i => i.Value is not null).Select(i => i.Value!.Value).ToList();
                var lineage = bucket.Select(i => i.RawBlob).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var coverage = Math.Round((double)values.Count / bucket.Count(), 4);
                return values.Count == 0
                    ? new KpiPoint(bucket.Key, null, bucket.Count(), coverage, "missing_apparent_temperature", lineage)
                    : new KpiPoint(bucket.Key, ThermalComfort.Factor(values.Average()), bucket.Count(), coverage, null, lineage);
            })
            .ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregated {City} {Day}: {Buckets} buckets, {Written} rows written")]
    private static partial void LogAggregated(ILogger logger, string city, DateOnly day, int buckets, int written);
}
