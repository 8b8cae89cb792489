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
        // Static per deployment; a short shared cache keeps it fresh after a deploy.
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(generator.Json, "application/json", Encoding.UTF8);
    }
}
