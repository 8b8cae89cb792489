namespace Tributary.Marts;

/// <summary>The observations of one KPI bucket and area, by metric; a metric without observations reads as empty.</summary>
public sealed class KpiInputs(KpiGrain grain, DateTimeOffset bucketStartUtc, IReadOnlyDictionary<string, IReadOnlyList<InputObservation>> byMetric)
{
    public KpiGrain Grain { get; } = grain;

    public DateTimeOffset BucketStartUtc { get; } = bucketStartUtc;

    public IReadOnlyList<InputObservation> this[string metric] => byMetric.TryGetValue(metric, out var list) ? list : [];
}
