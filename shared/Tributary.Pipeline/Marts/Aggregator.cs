using Microsoft.Extensions.Logging;
using Tributary.Curation;

namespace Tributary.Marts;

/// <summary>
/// The aggregate stage: recomputes, from the observations alone, the buckets of the KPIs whose inputs the message
/// says changed, for its city and days. Each input metric of a city-day is read once for all those KPIs; each KPI's
/// day partition is rewritten only where a row changed. Because a bucket is a function of its inputs, late,
/// duplicated or reordered messages all converge.
/// </summary>
public sealed partial class Aggregator(ObservationStore observations, DimensionStore dimensions, KpiStore kpis, KpiCatalog catalog, ILogger<Aggregator> logger)
{
    private readonly KpiInputReader _inputs = new(observations, dimensions);

    /// <returns>The KPI rows written or deleted.</returns>
    public async Task<int> AggregateAsync(AggregateMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.City)) throw new InvalidMessageException("aggregate message has no 'city'.");
        if (message.Days is null) throw new InvalidMessageException("aggregate message has no 'days'.");
        var affected = catalog.AffectedBy(message.Metrics, message.Dimensions?.Contains(DimensionStore.StopKind) == true);
        if (affected.Count == 0 || message.Days.Count == 0)
        {
            LogNothingAffected(logger, message.City, string.Join(",", message.Metrics ?? []));
            return 0;
        }

        // A departure board touches its own stops only; a change to a city-wide input (or to which stop place a quay
        // belongs to) touches every stop place's rows.
        var onlyListedStops = message.Stops is { Count: > 0 } && message.Metrics is { Count: > 0 } metrics &&
                              metrics.All(StopLocatedMetrics.Contains) && message.Dimensions is not { Count: > 0 };
        IReadOnlySet<string>? stopPlaces = onlyListedStops
            ? (await dimensions.StopPlacesAsync(message.Stops!, cancellationToken)).Values.ToHashSet(StringComparer.Ordinal)
            : null;
        var metricsToRead = affected.SelectMany(k => k.Inputs).Distinct(StringComparer.Ordinal).ToList();
        var changed = 0;
        foreach (var day in message.Days.Distinct().Order())
        {
            var counts = await kpis.ReplaceAsync(
                [.. affected.Select(k => KpiKeys.Partition(k.Id, message.City, day))],
                async ct =>
                {
                    var inputs = await ReadInputsAsync(message.City, day, metricsToRead, ct);
                    return [.. affected.SelectMany(k => KpiRows.Compute(k, message.City, day, inputs))];
                },
                row => row.StopPlace is null || stopPlaces is null || stopPlaces.Contains(row.StopPlace),
                cancellationToken);
            changed += counts.Written + counts.Deleted;
            LogAggregated(logger, message.City, day, affected.Count, counts.Written, counts.Deleted, counts.Unchanged);
        }
        return changed;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<InputObservation>>> ReadInputsAsync(
        string city, DateOnly day, IReadOnlyList<string> metrics, CancellationToken cancellationToken) =>
        KpiInputReader.ByMetric(metrics, await _inputs.ReadAsync(city, day, metrics, cancellationToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregated {City} {Day}: {Kpis} KPIs, {Written} rows written, {Deleted} deleted, {Unchanged} unchanged")]
    private static partial void LogAggregated(ILogger logger, string city, DateOnly day, int kpis, int written, int deleted, int unchanged);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Aggregate message for {City} ({Metrics}) affects no KPI")]
    private static partial void LogNothingAffected(ILogger logger, string city, string metrics);
}
