namespace Tributary.Query;

/// <summary>The body of <c>GET /api/kpis</c>.</summary>
/// <param name="Grain"><c>hour</c> or <c>day</c>.</param>
/// <param name="StopPlace">The stop place asked for; null for city-wide series.</param>
public sealed record KpiSeriesResponse(string Metric, string Unit, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<KpiSeries> Series)
{
    public string Grain { get; init; } = "hour";

    public string? StopPlace { get; init; }
}

public sealed record KpiSeries(string City, string CityName, IReadOnlyList<KpiSeriesPoint> Points);

/// <summary>One point: bucket start, value (null = missing input, with the reason), input count, observations used and coverage.</summary>
public sealed record KpiSeriesPoint(DateTimeOffset T, double? Value, int Inputs, double Coverage, string? Reason)
{
    public int Used { get; init; }
}
