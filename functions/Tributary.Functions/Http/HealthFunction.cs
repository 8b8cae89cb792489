using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.Functions.OpenApi;

namespace Tributary.Functions.Http;

/// <summary>HTTP <c>GET /api/health</c>: 200 when storage answers, 503 with the failing check otherwise.</summary>
public sealed class HealthFunction(HealthCheckService health)
{
    [Function("Health")]
    [OpenApiOperation("GetHealth", "Liveness and storage reachability", Tag = "operations",
        Description = "200 with every check when healthy, 503 with the same body when a check fails.")]
    [OpenApiResponse(StatusCodes.Status503ServiceUnavailable, typeof(HealthReportResponse), "A check failed; the body says which.")]
    public async Task<Results<Ok<HealthReportResponse>, JsonHttpResult<HealthReportResponse>>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        var report = await health.CheckHealthAsync(request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var body = new HealthReportResponse(
            report.Status.ToString().ToLowerInvariant(),
            report.Entries.Select(e => new HealthCheckEntry(e.Key, e.Value.Status.ToString().ToLowerInvariant(),
                e.Value.Description, e.Value.Duration.TotalMilliseconds)).ToList());
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
