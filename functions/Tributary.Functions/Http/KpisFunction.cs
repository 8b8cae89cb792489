using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.OpenApi;
using Tributary.Marts;
using Tributary.Marts.Kpis;
using Tributary.Query;

namespace Tributary.Functions.Http;

/// <summary>HTTP <c>GET /api/kpis</c>: KPI series per city for a bounded UTC range, with ETag revalidation.</summary>
public sealed class KpisFunction(KpiQueryService queries, TimeProvider time, IOptions<JsonOptions> json)
{
    [Function("Kpis")]
    [OpenApiOperation("GetKpis", "KPI series per city",
        Description = "Hourly or daily buckets of one KPI for the given cities (or one stop place) whose start lies in [from, to) in UTC. " +
                      "The range is limited (31 days by default). Null values mean a missing input, never zero; the reason says which. Supports If-None-Match.")]
    [OpenApiQuery("metric", "KPI id from /api/catalog; defaults to thermal_comfort.", Example = ThermalComfortFactor.KpiId)]
    [OpenApiQuery("city", "Comma-separated city ids; all cities when absent. Exactly one with 'stop'.", Example = "oslo,bergen")]
    [OpenApiQuery("grain", "'hour' (default) or 'day' (UTC days); the catalog lists each KPI's grains.", Example = "hour")]
    [OpenApiQuery("stop", "A stop place id, for KPIs the catalog lists with the 'stopPlace' dimension; city-wide when absent.", Example = "NSR:StopPlace:58366")]
    [OpenApiQuery("from", "Inclusive start, ISO-8601 (UTC when no offset); defaults to yesterday 00:00 UTC.", Format = "date-time")]
    [OpenApiQuery("to", "Exclusive end, ISO-8601 (UTC when no offset); defaults to the day after tomorrow 00:00 UTC.", Format = "date-time")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<KpiSeriesResponse>, ProblemHttpResult, StatusCodeHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "kpis")] HttpRequest request)
    {
        KpiSeriesResponse response;
        try
        {
            var today = time.GetUtcNow().UtcDateTime.Date;
            var grain = QueryValues.Text(request, "grain");
            var query = new KpiQuery(
                QueryValues.Text(request, "metric") ?? ThermalComfortFactor.KpiId,
                (QueryValues.Text(request, "city") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                QueryValues.BoundedInstant(request, "from") ?? new DateTimeOffset(today.AddDays(-1), TimeSpan.Zero),
                QueryValues.BoundedInstant(request, "to") ?? new DateTimeOffset(today.AddDays(2), TimeSpan.Zero))
            {
                Grain = grain is null ? KpiGrain.Hour : KpiGrains.Parse(grain) ?? throw new KpiQueryException("grain", $"'grain' must be 'hour' or 'day', not '{QueryText.Shorten(grain)}'."),
                StopPlace = QueryValues.Text(request, "stop"),
            };
            response = await queries.GetSeriesAsync(query, request.HttpContext.RequestAborted);
        }
        catch (KpiQueryException ex)
        {
            return ApiProblems.InvalidParameter(ex.Parameter, ex.Message);
        }

        // Buckets change when new data lands (hourly at most); a short shared cache spares the table on busy dashboards.
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }
}
