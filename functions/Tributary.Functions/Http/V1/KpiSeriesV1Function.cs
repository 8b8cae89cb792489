using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.OpenApi;
using Tributary.Query;

namespace Tributary.Functions.Http.V1;

/// <summary>HTTP <c>GET /api/v1/kpis/{kpi}/series</c>: one series per city (or the one stop place), downsampled to at most maxPoints.</summary>
public sealed class KpiSeriesV1Function(KpiReadService reads, TimeProvider time, IOptions<JsonOptions> json)
{
    [Function("KpiSeriesV1")]
    [OpenApiOperation("GetKpiSeriesV1", "A KPI's series per city or for one stop place, downsampled on the server", Tag = "v1",
        Description = "Buckets of the KPI whose start lies in [from, to) UTC (at most Tributary:MaxQueryDays days). A series with more than maxPoints " +
                      "buckets is downsampled with LTTB (Largest-Triangle-Three-Buckets) over its non-null values, and each run of null buckets is kept " +
                      "as one gap marker (its first bucket, with its reason); every returned point is a stored bucket with its inputs, used, coverage " +
                      "and reason. Each series says its method (none or lttb) and how many raw, null and returned points it has. Supports If-None-Match.")]
    [OpenApiQuery("city", "Comma-separated city ids; all cities when absent. With 'stop', the stop place's city or nothing.", Example = "oslo,bergen")]
    [OpenApiQuery("stop", "A stop place id from the catalog, for KPIs with the 'stopPlace' dimension; city-wide when absent.", Example = "NSR:StopPlace:58366")]
    [OpenApiQuery("grain", "'hour' (default) or 'day' (UTC days).", Example = "hour")]
    [OpenApiQuery("from", "Inclusive start, ISO-8601 (UTC when no offset), 2000..2100; defaults to yesterday 00:00 UTC.", Format = "date-time")]
    [OpenApiQuery("to", "Exclusive end, ISO-8601; defaults to the day after tomorrow 00:00 UTC.", Format = "date-time")]
    [OpenApiQuery("maxPoints", "The most points per series, 2..10000; default 1000.", Example = "1000")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No KPI has that id (parameter 'kpi').")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<SeriesV1Response>, ProblemHttpResult, StatusCodeHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/kpis/{kpi}/series")] HttpRequest request, string kpi)
    {
        SeriesV1Response response;
        try
        {
            var asked = V1Requests.Parse(request, kpi, time);
            response = await reads.SeriesAsync(asked, V1Requests.MaxPoints(request), request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }
}
