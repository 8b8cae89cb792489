namespace Tributary.Query;

/// <summary>The body of <c>GET /api/v1/kpis/{kpi}/stats</c>: statistics of the raw buckets, per series and pooled.</summary>
/// <param name="PercentileMethod">How median and p95 are computed (<see cref="SeriesStatistics.PercentileMethod"/>).</param>
/// <param name="DeviationMethod">Which standard deviation (<see cref="SeriesStatistics.DeviationMethod"/>).</param>
/// <param name="Overall">Every series' buckets pooled.</param>
public sealed record StatsV1Response(
    string Kpi, string Unit, string Grain, DateTimeOffset From, DateTimeOffset To, string? StopPlace,
    string PercentileMethod, string DeviationMethod, IReadOnlyList<SeriesStatsV1> Series, KpiStatistics Overall);

public sealed record SeriesStatsV1(string City, string CityName, string? StopPlace, KpiStatistics Stats);
