using Tributary.Query;

namespace Tributary.Functions.Catalog;

/// <summary>HTTP <c>GET /api/catalog</c>: the KPIs and cities that <c>/api/kpis</c> can be asked for.</summary>
public static class CatalogFunction
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/catalog", (HttpContext http, KpiQueryService queries) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Ok(queries.Catalog());
            })
            .WithName("GetCatalog")
            .WithSummary("Available KPIs and cities");
}
