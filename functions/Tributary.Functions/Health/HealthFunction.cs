using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tributary.Functions.Health;

/// <summary>HTTP <c>GET /api/health</c>: 200 when storage answers, 503 with the failing check otherwise.</summary>
public static class HealthFunction
{
    public sealed record HealthReportResponse(string Status, IReadOnlyList<HealthCheckEntry> Checks);

    public sealed record HealthCheckEntry(string Name, string Status, string? Description, double DurationMs);

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/health", async Task<JsonHttpResult<HealthReportResponse>> (HttpContext http, HealthCheckService health) =>
            {
                var report = await health.CheckHealthAsync(http.RequestAborted);
                http.Response.Headers.CacheControl = "no-store";
                var body = new HealthReportResponse(
                    report.Status.ToString().ToLowerInvariant(),
                    report.Entries.Select(e => new HealthCheckEntry(e.Key, e.Value.Status.ToString().ToLowerInvariant(),
                        e.Value.Description, e.Value.Duration.TotalMilliseconds)).ToList());
                return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Healthy ? 200 : 503);
            })
            .WithName("GetHealth")
            .WithSummary("Liveness and storage reachability")
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable);
}
