using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Marts;
using Tributary.Query;

namespace Tributary.Functions.Kpis;

/// <summary>HTTP <c>GET /api/kpis</c>: KPI series per city for a bounded UTC range, with ETag revalidation.</summary>
public static class KpisFunction
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/kpis", GetAsync)
            .WithName("GetKpis")
            .WithSummary("KPI series per city")
            .WithDescription("Hourly buckets of one KPI for the given cities over [from, to) in UTC. The range is limited " +
                             "(31 days by default). Null values mean a missing input, never zero. Supports If-None-Match.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<KpiSeriesResponse>, ProblemHttpResult, StatusCodeHttpResult>> GetAsync(
        HttpContext http,
        KpiQueryService queries,
        TimeProvider time,
        IOptions<JsonOptions> json,
        string? metric = null,
        string? city = null,
        string? from = null,
        string? to = null)
    {
        KpiSeriesResponse response;
        try
        {
            var today = time.GetUtcNow().UtcDateTime.Date;
            var query = new KpiQuery(
                string.IsNullOrWhiteSpace(metric) ? KpiCatalog.ThermalComfortId : metric.Trim(),
                (city ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ParseInstant(from, "from") ?? new DateTimeOffset(today.AddDays(-1), TimeSpan.Zero),
                ParseInstant(to, "to") ?? new DateTimeOffset(today.AddDays(2), TimeSpan.Zero));
            response = await queries.GetSeriesAsync(query, http.RequestAborted);
        }
        catch (KpiQueryException ex)
        {
            return TypedResults.Problem(title: $"Invalid parameter '{ex.Parameter}'", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions)))[..32]}\"";
        http.Response.Headers.ETag = etag;
        // Buckets change when new data lands (hourly at most); a short shared cache spares the table on busy dashboards.
        http.Response.Headers.CacheControl = "public, max-age=60";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag || v == "*"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(response);
    }

    private static DateTimeOffset? ParseInstant(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }
        throw new KpiQueryException(parameter, $"'{parameter}' must be an ISO-8601 date or date-time (e.g. 2026-11-21T00:00:00Z), not '{text}'.");
    }
}
