using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.OpenApi;
using Tributary.Query.Status;

namespace Tributary.Functions.Http.V1;

/// <summary>
/// Sources status: <c>GET /api/v1/sources</c>, <c>GET /api/v1/sources/{source}</c> (manifest summary, schedule and
/// next run, recent runs, freshness, quality, drift, alerts) and the run history <c>GET /api/v1/sources/{source}/runs</c>,
/// newest first in pages with continuation tokens.
/// </summary>
public sealed class SourcesFunctions(SourceStatusService status, IOptions<JsonOptions> json)
{
    // Status moves with every run (every few minutes at most): a short cache, revalidated by ETag.
    private const int MaxAgeSeconds = 30;

    [Function("GetSources")]
    [OpenApiOperation("GetSources", "Every source's status", Tag = "sources",
        Description = "Per declared source: kind, auth type (the secret's name only, never a value), paging, fan-out, schedule and next run (UTC), " +
                      "recent runs, freshness, quality of the last 7 days, drift events and alerts. Supports If-None-Match.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<SourcesResponse>, StatusCodeHttpResult>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/sources")] HttpRequest request)
    {
        var response = await status.ListAsync(request.HttpContext.RequestAborted);
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions, MaxAgeSeconds) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }

    [Function("GetSource")]
    [OpenApiOperation("GetSource", "One source's status", Tag = "sources",
        Description = "As in GET /api/v1/sources, for one source. Supports If-None-Match.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<SourceStatusResponse>, ProblemHttpResult, StatusCodeHttpResult>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/sources/{source}")] HttpRequest request, string source)
    {
        SourceStatusResponse response;
        try
        {
            response = await status.GetAsync(source, request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions, MaxAgeSeconds) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }

    [Function("GetSourceRuns")]
    [OpenApiOperation("GetSourceRuns", "A source's runs, newest first, a page at a time", Tag = "sources",
        Description = "Each run's outcome, pages, bytes, requests, rate-limit waits and error, newest run time first. Pass the answer's 'continuation' " +
                      "to get the next page; it is null after the last. Supports If-None-Match.")]
    [OpenApiQuery("limit", "Runs per page, 1 to 100 (default 20).", Example = "20")]
    [OpenApiQuery("continuation", "The 'continuation' of the page before (opaque).")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "'limit' is out of range or 'continuation' is not a token this API gave; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<RunHistoryPage>, ProblemHttpResult, StatusCodeHttpResult>> RunsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/sources/{source}/runs")] HttpRequest request, string source)
    {
        RunHistoryPage response;
        try
        {
            response = await status.RunsAsync(source,
                QueryValues.BoundedInt(request, "limit", 1, SourceStatusService.MaxRunsPerPage, SourceStatusService.DefaultRunsPerPage),
                QueryValues.Text(request, "continuation"), request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions, MaxAgeSeconds) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }
}
