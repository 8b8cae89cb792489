using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.OpenApi;
using Tributary.Query.QualityReport;

namespace Tributary.Functions.Http.V1;

/// <summary>
/// Data quality: <c>GET /api/v1/quality/{source}?from=&amp;to=</c> (day rows and trend) and
/// <c>GET /api/v1/quality/{source}/pages?day=</c> (a day's page rows), from table <c>quality</c>.
/// </summary>
public sealed class QualityFunctions(QualityReportService quality, IOptions<JsonOptions> json)
{
    // Quality rows change when pages are curated; five minutes' cache is fresh enough for a report.
    private const int MaxAgeSeconds = 300;

    [Function("GetQuality")]
    [OpenApiOperation("GetQuality", "A source's data quality per UTC day, with its trend", Tag = "quality",
        Description = "The day rows (completeness, uniqueness, consistency, validity, timeliness, volume, score and their counts) of the UTC landing days " +
                      "[from, to], and the trend: the score's least-squares slope per day and the mean of the last 7 days against the 7 before. Supports If-None-Match.")]
    [OpenApiQuery("from", "First UTC day, yyyy-MM-dd; 29 days before 'to' when absent.", Format = "date", Example = "2026-11-01")]
    [OpenApiQuery("to", "Last UTC day, included, yyyy-MM-dd; today when absent. At most 366 days from 'from'.", Format = "date", Example = "2026-11-30")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<QualityRangeResponse>, ProblemHttpResult, StatusCodeHttpResult>> RangeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/quality/{source}")] HttpRequest request, string source)
    {
        QualityRangeResponse response;
        try
        {
            response = await quality.RangeAsync(source, QueryValues.Text(request, "from"), QueryValues.Text(request, "to"), request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions, MaxAgeSeconds) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }

    [Function("GetQualityPages")]
    [OpenApiOperation("GetQualityPages", "The quality of each page a source landed on one UTC day", Tag = "quality",
        Description = "Each curated page's figures and counts, its run, and its quarantine blob or page error. Supports If-None-Match.")]
    [OpenApiQuery("day", "The UTC landing day, yyyy-MM-dd.", Required = true, Format = "date", Example = "2026-11-22")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<QualityPagesResponse>, ProblemHttpResult, StatusCodeHttpResult>> PagesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/quality/{source}/pages")] HttpRequest request, string source)
    {
        QualityPagesResponse response;
        try
        {
            response = await quality.PagesAsync(source, QueryValues.Text(request, "day"), request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions, MaxAgeSeconds) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }
}
