namespace Tributary.Query;

/// <summary>A request for KPI series: one KPI, some cities (empty = all), and a UTC range [From, To).</summary>
public sealed record KpiQuery(string Metric, IReadOnlyList<string> Cities, DateTimeOffset From, DateTimeOffset To);
