using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tributary.Functions.OpenApi;

/// <summary>HTTP <c>GET /api/openapi/v1.json</c>: the OpenAPI 3.1 document of these HTTP functions.</summary>
public sealed class OpenApiFunction(OpenApiDocumentGenerator generator)
{
    [Function("OpenApi")]
    [OpenApiOperation("GetOpenApiDocument", "The OpenAPI 3.1 document of this API", Tag = "operations",
        Description = "Generated from the functions themselves; 'v1' is the only document.")]
    [OpenApiResponse(StatusCodes.Status200OK, typeof(JsonObject), "The OpenAPI 3.1 document.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No document has that name.")]
    public Results<ContentHttpResult, ProblemHttpResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest request, string documentName)
    {
        if (documentName != OpenApiDocumentGenerator.DocumentName)
        {
            return TypedResults.Problem(title: "Unknown OpenAPI document", detail: $"There is no document '{documentName}'; the API publishes '{OpenApiDocumentGenerator.DocumentName}'.", statusCode: StatusCodes.Status404NotFound);
        }
        // Static per deployment; a short shared cache keeps it fresh after a deploy. The server URL is the caller's
        // origin, so the cache must keep one copy per host.
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        request.HttpContext.Response.Headers.Vary = "Host, X-Forwarded-Host, X-Forwarded-Proto";
        return TypedResults.Text(generator.JsonFor(ServerUrl(request, generator.RoutePrefix)), "application/json", Encoding.UTF8);
    }

    /// <summary>
    /// The origin the caller used (scheme and host; behind the host these are its X-Forwarded-Proto and
    /// X-Forwarded-Host, which the worker's forwarded-headers step applied) followed by the route prefix. A host that
    /// does not make a URL (hostile input) leaves the relative <c>/api</c>.
    /// </summary>
    public static string ServerUrl(HttpRequest request, string routePrefix)
    {
        var prefix = "/" + routePrefix.Trim('/');
        var scheme = request.Scheme is "http" or "https" ? request.Scheme : null;
        return scheme is not null && request.Host.HasValue
               && Uri.TryCreate($"{scheme}://{request.Host.ToUriComponent()}", UriKind.Absolute, out var origin)
               && origin.AbsolutePath == "/" && string.IsNullOrEmpty(origin.Query) && string.IsNullOrEmpty(origin.UserInfo)
            ? origin.GetLeftPart(UriPartial.Authority) + (prefix == "/" ? "" : prefix)
            : prefix;
    }
}
