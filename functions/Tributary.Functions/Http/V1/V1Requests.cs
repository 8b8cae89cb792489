using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Marts;
using Tributary.Query;

namespace Tributary.Functions.Http.V1;

/// <summary>The query of the v1 KPI reads (series and stats share it).</summary>
internal static class V1Requests
{
    public const int DefaultMaxPoints = 1000;
    public const int MinMaxPoints = 2;
    public const int MaxMaxPoints = 10_000;

    /// <summary>Reads <c>city</c>, <c>stop</c>, <c>grain</c>, <c>from</c> and <c>to</c>; throws <see cref="KpiQueryException"/> naming the parameter.</summary>
    public static KpiReadRequest Parse(HttpRequest request, string kpi, TimeProvider time)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        var grain = QueryValues.Text(request, "grain");
        return new KpiReadRequest(
            kpi,
            (QueryValues.Text(request, "city") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            QueryValues.BoundedInstant(request, "from") ?? new DateTimeOffset(today.AddDays(-1), TimeSpan.Zero),
            QueryValues.BoundedInstant(request, "to") ?? new DateTimeOffset(today.AddDays(2), TimeSpan.Zero))
        {
            Grain = grain is null ? KpiGrain.Hour : KpiGrains.Parse(grain)
                ?? throw new KpiQueryException("grain", $"'grain' must be 'hour' or 'day', not '{QueryText.Shorten(grain)}'."),
            StopPlace = QueryValues.Text(request, "stop"),
        };
    }

    public static int MaxPoints(HttpRequest request) => QueryValues.BoundedInt(request, "maxPoints", MinMaxPoints, MaxMaxPoints, DefaultMaxPoints);
}
