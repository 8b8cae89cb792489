namespace Tributary.Query;

/// <summary>The body of <c>GET /api/kpis</c>.</summary>
public sealed record KpiSeriesResponse(string Metric, string Unit, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<KpiSeries> Series);

public sealed record KpiSeries(string City, string CityName, IReadOnlyList<KpiSeriesPoint> Points);

/// <summary>One point: bucket start, value (null = missing input), input count and coverage.</summary>
public sealed record KpiSeriesPoint(DateTimeOffset T, double? Value, int Inputs, double Coverage, string? Reason);
