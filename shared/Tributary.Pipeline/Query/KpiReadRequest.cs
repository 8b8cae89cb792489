using Tributary.Marts;

namespace Tributary.Query;

/// <summary>
/// A v1 read of one KPI: some cities (empty = all, or the stop place's city), one stop place or the city-wide series,
/// the grain, and the UTC range [From, To) of bucket starts.
/// </summary>
public sealed record KpiReadRequest(string Kpi, IReadOnlyList<string> Cities, DateTimeOffset From, DateTimeOffset To)
{
    public KpiGrain Grain { get; init; } = KpiGrain.Hour;

    public string? StopPlace { get; init; }
}
