using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.OpenApi;
using Tributary.Marts;
using Tributary.Query;
using Tributary.Query.Drill;
using Tributary.Query.Raw;

namespace Tributary.Functions.Http.V1;

/// <summary>
/// The drill-down: <c>GET /api/v1/kpis/{kpi}/buckets/{bucketStart}/inputs</c> from a KPI bucket to the observations
/// it was computed from, and <c>GET /api/v1/raw/{*blob}</c> from an observation (or any lineage entry) to the raw page
/// it was curated from, checked against its hash.
/// </summary>
public sealed class DrillFunctions(KpiDrillService drill, RawPayloadReader raw, IOptions<JsonOptions> json)
{
    /// <summary>A landed page never changes (blobs are never overwritten), so any cache may keep it for a year.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    [Function("GetKpiBucketInputs")]
    [OpenApiOperation("GetKpiBucketInputs", "A KPI bucket and the observations it was computed from", Tag = "drill-down",
        Description = "The bucket's row (value, reason, inputs, used, coverage, input counts, lineage) and the observations of the KPI's input metrics " +
                      "that fed it, selected as the aggregate stage selects them, each with the raw page (name and SHA-256) it was curated from; " +
                      "open a page with GET /api/v1/raw/{blob}. At most 'limit' observations (2000): 'truncated' says when there were more. Supports If-None-Match.")]
    [OpenApiQuery("city", "The city id (required).", Required = true, Example = "oslo")]
    [OpenApiQuery("stop", "A stop place id, for KPIs with the 'stopPlace' dimension; the city's row when absent.", Example = "NSR:StopPlace:58366")]
    [OpenApiQuery("grain", "'hour' (default) or 'day'; 'bucketStart' must be the start of such a UTC bucket.", Example = "hour")]
    [OpenApiQuery("limit", "The most observations to list, 1 to 2000 (default 2000).", Example = "100")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid (e.g. a bucket start not aligned to the grain); the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No such KPI, city or bucket; the problem names which.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<KpiDrillResponse>, ProblemHttpResult, StatusCodeHttpResult>> InputsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/kpis/{kpi}/buckets/{bucketStart}/inputs")] HttpRequest request, string kpi, string bucketStart)
    {
        KpiDrillResponse response;
        try
        {
            var grain = QueryValues.Text(request, "grain");
            response = await drill.DrillAsync(new KpiDrillRequest(
                kpi,
                QueryValues.Text(request, "city"),
                QueryValues.Text(request, "stop"),
                grain is null ? KpiGrain.Hour : KpiGrains.Parse(grain) ?? throw new KpiQueryException("grain", $"'grain' must be 'hour' or 'day', not '{QueryText.Shorten(grain)}'."),
                BucketStart(bucketStart),
                QueryValues.BoundedInt(request, "limit", 1, KpiDrillService.MaxObservations, KpiDrillService.MaxObservations)), request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
        // A bucket changes only when its inputs are curated again; a minute's shared cache spares the table.
        if (CachedJson.NotModified(request, response, json.Value.SerializerOptions) is { } notModified) return notModified;
        return TypedResults.Ok(response);
    }

    [Function("GetRawPayload")]
    [OpenApiOperation("GetRawPayload", "A landed raw page, as the vendor sent it", Tag = "drill-down",
        Description = "The page named as in an observation's rawBlob or a KPI row's lineage ({source}/{yyyy}/{MM}/{dd}/{runId}/{page}.{ext}), from the raw " +
                      "container only, after its bytes were checked against the SHA-256 it was landed with. Served with its media type, Repr-Digest " +
                      "(RFC 9530, sha-256), X-Content-SHA256 (hex) and the hash as a weak ETag; immutable, so cached for a year. Pages over the size " +
                      "limit (Tributary:Raw:MaxBytes, 8 MiB by default) answer 413. Supports If-None-Match and Range.")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "The name is not a landed page's name (traversal, encoded slashes, other characters); the problem names 'blob'.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No such landed page.")]
    [OpenApiProblem(StatusCodes.Status413PayloadTooLarge, "The page is larger than the limit, which the problem names.")]
    [OpenApiProblem(StatusCodes.Status500InternalServerError, "The stored bytes do not match the page's hash; it is not served.")]
    [OpenApiResponse(StatusCodes.Status200OK, null, "The page's bytes, with its own media type (application/json, text/csv, application/zip).")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag (the page's SHA-256) still matches.")]
    public async Task<Results<FileStreamHttpResult, ProblemHttpResult, StatusCodeHttpResult>> RawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/raw/{*blob}")] HttpRequest request, string blob)
    {
        var headers = request.HttpContext.Response.Headers;
        try
        {
            // The hash answers a revalidation: the page is read (and verified) only when it is sent.
            var head = await raw.OpenAsync(blob, withContent: false, request.HttpContext.RequestAborted);
            var etag = $"W/\"{head.Sha256}\"";
            if (EntityTags.Matches(request.Headers.IfNoneMatch, etag))
            {
                SetHeaders(headers, head, etag);
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            var payload = await raw.OpenAsync(blob, withContent: true, request.HttpContext.RequestAborted);
            SetHeaders(headers, payload, etag);
            request.HttpContext.Response.RegisterForDisposeAsync(payload);
            return TypedResults.Stream(payload.Content!, payload.MediaType, lastModified: payload.LandedUtc,
                entityTag: EntityTagHeaderValue.Parse(etag), enableRangeProcessing: true);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
    }

    private static void SetHeaders(IHeaderDictionary headers, RawPayload payload, string etag)
    {
        headers.ETag = etag;
        headers.CacheControl = ImmutableCacheControl;
        headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(payload.Sha256))}:";
        headers["X-Content-SHA256"] = payload.Sha256;
        headers.Vary = "Accept-Encoding";
    }

    /// <summary>The route's bucket start: an ISO-8601 instant (UTC when it has no offset) within the range every route accepts.</summary>
    private static DateTimeOffset BucketStart(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new KpiQueryException("bucketStart", $"'bucketStart' must be an ISO-8601 date-time (e.g. 2026-11-22T06:00:00Z), not '{QueryText.Shorten(text)}'.");
        }
        if (value < QueryValues.Earliest || value >= QueryValues.Latest)
        {
            throw new KpiQueryException("bucketStart", $"'bucketStart' must lie between {QueryValues.Earliest:yyyy-MM-dd} and {QueryValues.Latest:yyyy-MM-dd}, not {value:O}.");
        }
        return value;
    }
}
