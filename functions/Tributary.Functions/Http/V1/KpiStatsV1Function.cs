using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.OpenApi;
using Tributary.Query;

namespace Tributary.Functions.Http.V1;

/// <summary>HTTP <c>GET /api/v1/kpis/{kpi}/stats</c>: statistics of the raw buckets per series and pooled.</summary>
public sealed class KpiStatsV1Function(KpiReadService reads, TimeProvider time, IOptions<JsonOptions> json)
{
    [Function("KpiStatsV1")]
    [OpenApiOperation("GetKpiStatsV1", "Statistics of a KPI's raw buckets per city or stop place, and pooled", Tag = "v1",
        Description = "Over the raw (never downsampled) buckets that start in [from, to) UTC: count, nulls, min, max, mean, median and p95 (linear " +
                      "interpolation between closest ranks, Hyndman-Fan type 7), the sample standard deviation (n - 1), the mean coverage, the share " +
                      "of stored buckets with a value and the share of the range's buckets with a value. Supports If-None-Match.")]
    [OpenApiQuery("city", "Comma-separated city ids; all cities when absent. With 'stop', the stop place's city or nothing.", Example = "oslo,bergen")]
    [OpenApiQuery("stop", "A stop place id from the catalog, for KPIs with the 'stopPlace' dimension; city-wide when absent.", Example = "NSR:StopPlace:58366")]
    [OpenApiQuery("grain", "'hour' (default) or 'day' (UTC days).", Example = "hour")]
    [OpenApiQuery("from", "Inclusive start, ISO-8601 (UTC when no offset), 2000..2100; defaults to yesterday 00:00 UTC.", Format = "date-time")]
    [OpenApiQuery("to", "Exclusive end, ISO-8601; defaults to the day after tomorrow 00:00 UTC.", Format = "date-time")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No KPI has that id (parameter 'kpi').")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<StatsV1Response>, ProblemHttpResult, StatusCodeHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/kpis/{kpi}/stats")] HttpRequest request, string kpi)
    {
        StatsV1Response response;
        try
        {
            response = await reads.StatsAsync(V1Requests.Parse(request, kpi, time), request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }
}
