using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Functions.OpenApi;
using Tributary.Push;

namespace Tributary.Functions.Http.Push;

/// <summary>
/// HTTP <c>POST /api/v1/ingest/{source}</c>: a CSV or JSON upload to a push source, authorised by the source's own key,
/// landed as a raw blob and curated like any pulled page. 202 with the landing and the upload's summary.
/// </summary>
public sealed class PushIngestFunction(PushSources sources, PushIngestionService ingestion, PushAuthorization authorization, ILogger<PushIngestFunction> logger)
{
    [Function("IngestUpload")]
    [OpenApiOperation("IngestUpload", "Upload CSV or JSON rows to a push source", Tag = "ingest",
        Description = "The body (text/csv with the manifest's header, or application/json rows, as the source's manifest accepts) lands as an immutable raw blob " +
                      "and is curated like a pulled page: quality, quarantine, observations and KPIs follow. Authorised by the source's upload key in the header " +
                      "the manifest names (x-tributary-key). Idempotent: the same bytes on the same UTC day land once, and the answer says duplicate. The answer " +
                      "gives the blob, its SHA-256, the run, and the rows, columns and their completeness, the rejected rows with reasons and the time range.")]
    [OpenApiHeader("x-tributary-key", "The push source's upload key (not needed with an admin key or an admin token).")]
    [OpenApiRequestBody("text/csv", null, "CSV with the header the source's manifest names (RFC 4180; UTF-8).")]
    [OpenApiRequestBody("application/json", typeof(List<Dictionary<string, System.Text.Json.JsonElement>>), "An array of row objects with the manifest's fields.")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "The source takes no uploads, or the body cannot be read (e.g. a CSV header without a required column); the problem names the part.")]
    [OpenApiProblem(StatusCodes.Status401Unauthorized, "The upload key is missing or wrong.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    [OpenApiProblem(StatusCodes.Status413PayloadTooLarge, "The body is larger than the source's MaxUploadBytes.")]
    [OpenApiProblem(StatusCodes.Status415UnsupportedMediaType, "The Content-Type is not one the source accepts.")]
    [OpenApiProblem(StatusCodes.Status503ServiceUnavailable, "The source's upload key is not configured.")]
    public async Task<Results<Accepted<UploadReceipt>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/ingest/{source}")] HttpRequest request, string source)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        try
        {
            var manifest = sources.Get(source);
            var push = manifest.Push!;
            if (push.MediaTypes.Count == 0)
            {
                throw new PushRejectedException(StatusCodes.Status400BadRequest, "Invalid parameter 'source'", "source", $"Source '{manifest.Id}' takes webhook deliveries only.");
            }
            if (!await KeyMatchesAsync(request, manifest, cancellationToken) && !await authorization.AdminAllowsAsync(request))
            {
                throw new PushRejectedException(StatusCodes.Status401Unauthorized, $"Invalid parameter '{push.KeyHeader}'", push.KeyHeader,
                    request.Headers.ContainsKey(push.KeyHeader) ? $"Header '{push.KeyHeader}' is not the source's upload key." : $"Send the source's upload key in header '{push.KeyHeader}'.");
            }
            var mediaType = PushRequests.MediaType(request, [.. push.MediaTypes.Select(t => t.Trim().ToLowerInvariant())]);
            var body = await PushRequests.BodyAsync(request, push.MaxUploadBytes, cancellationToken);
            var receipt = await ingestion.UploadAsync(manifest, body, mediaType, cancellationToken);
            return TypedResults.Accepted((string?)null, receipt);
        }
        catch (Exception ex) when (PushRequests.Problem(ex, source, logger) is { } problem)
        {
            return problem;
        }
    }

    private Task<bool> KeyMatchesAsync(HttpRequest request, Sources.Manifests.SourceManifest manifest, CancellationToken cancellationToken) =>
        request.Headers.TryGetValue(manifest.Push!.KeyHeader, out var presented) && presented.Count == 1
            ? ingestion.UploadKeyMatchesAsync(manifest, presented[0], cancellationToken)
            : Task.FromResult(false);
}
