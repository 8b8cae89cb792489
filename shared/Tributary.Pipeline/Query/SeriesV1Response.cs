namespace Tributary.Query;

/// <summary>The body of <c>GET /api/v1/kpis/{kpi}/series</c>.</summary>
/// <param name="StopPlace">The stop place asked for; null for city-wide series.</param>
/// <param name="MaxPoints">The most points any one series returns.</param>
public sealed record SeriesV1Response(
    string Kpi, string Unit, string Grain, DateTimeOffset From, DateTimeOffset To, string? StopPlace, int MaxPoints, IReadOnlyList<SeriesV1> Series);

/// <summary>One series, downsampled on the server when it had more than <c>maxPoints</c> buckets.</summary>
/// <param name="Method"><c>none</c>: every stored bucket; <c>lttb</c>: Largest-Triangle-Three-Buckets over the non-null values, one gap marker per run of nulls kept.</param>
/// <param name="RawPoints">Stored buckets in the range.</param>
/// <param name="RawNulls">Of those, buckets with a null value.</param>
/// <param name="ReturnedPoints">Points in <see cref="Points"/>.</param>
/// <param name="ReturnedNulls">Null points in <see cref="Points"/>.</param>
public sealed record SeriesV1(
    string City, string CityName, string? StopPlace, string Method, int RawPoints, int RawNulls, int ReturnedPoints, int ReturnedNulls,
    IReadOnlyList<KpiSeriesPoint> Points);
