using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.OpenApi;
using Tributary.Query;

namespace Tributary.Functions.Http.V1;

/// <summary>HTTP <c>GET /api/v1/catalog</c>: KPIs, cities, stop places, sources and the dates that hold data.</summary>
public sealed class CatalogV1Function(KpiReadService reads, IOptions<JsonOptions> json)
{
    [Function("CatalogV1")]
    [OpenApiOperation("GetCatalogV1", "KPIs, cities, stop places, sources and the dates that hold data", Tag = "v1",
        Description = "Everything /api/v1/kpis/{kpi}/series and /stats can be asked for: each KPI (id, name, unit, description, inputs, grains, " +
                      "dimensions, and the UTC range [from, to) its rows cover), the cities, the stop places of the GTFS stop dimension (bounded; " +
                      "stopPlacesTruncated says when more exist), the sources of the manifests, and the range holding any KPI row. Supports If-None-Match.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<CatalogV1Response>, StatusCodeHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/catalog")] HttpRequest request)
    {
        var catalog = await reads.CatalogAsync(request.HttpContext.RequestAborted);
        // The data range moves as data lands (hourly at most); a minute's shared caching spares the tables.
        if (CachedJson.NotModified(request, catalog, json.Value.SerializerOptions) is { } notModified) return notModified;
        return TypedResults.Ok(catalog);
    }
}
