using Tributary.Marts;

namespace Tributary.Query;

/// <summary>
/// A request for KPI series: one KPI, some cities (empty = all), a UTC range [From, To) of bucket starts, the
/// grain, and optionally one stop place (then exactly one city).
/// </summary>
public sealed record KpiQuery(string Metric, IReadOnlyList<string> Cities, DateTimeOffset From, DateTimeOffset To)
{
    public KpiGrain Grain { get; init; } = KpiGrain.Hour;

    public string? StopPlace { get; init; }
}
