using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Functions.OpenApi;
using Tributary.Query;

namespace Tributary.Functions.Http;

/// <summary>HTTP <c>GET /api/catalog</c>: the KPIs and cities that <c>/api/kpis</c> can be asked for.</summary>
public sealed class CatalogFunction(KpiQueryService queries)
{
    [Function("Catalog")]
    [OpenApiOperation("GetCatalog", "Available KPIs and cities")]
    public Ok<CatalogResponse> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(queries.Catalog());
    }
}
