using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Functions.OpenApi;
using Tributary.Push;
using Tributary.Sources.Manifests;

namespace Tributary.Functions.Http.Push;

/// <summary>
/// HTTP <c>POST /api/v1/webhooks/{source}</c>: a signed JSON delivery to a push source, authenticated by its signature
/// alone (HMAC-SHA256 of <c>{timestamp}.{body}</c>), accepted once, then landed and curated like an upload.
/// </summary>
public sealed class WebhookFunction(PushSources sources, PushIngestionService ingestion, ILogger<WebhookFunction> logger)
{
    [Function("ReceiveWebhook")]
    [OpenApiOperation("ReceiveWebhook", "Receive a signed webhook delivery for a push source", Tag = "ingest",
        Description = "The sender signs '{timestamp}.{body}' with HMAC-SHA256 under the source's webhook secret and sends 'sha256=<hex>' in x-tributary-signature " +
                      "and the Unix seconds in x-tributary-timestamp (the manifest names the headers). A timestamp outside the replay window (300 s by default, " +
                      "either side) or a bad signature is 401; a signature accepted before is 409. The JSON body is then landed and curated like an upload.")]
    [OpenApiHeader("x-tributary-timestamp", "Unix seconds when the sender signed; within the source's replay window of now.", Required = true)]
    [OpenApiHeader("x-tributary-signature", "'sha256=' and the hex HMAC-SHA256 of '{timestamp}.{body}' under the source's webhook secret.", Required = true)]
    [OpenApiRequestBody("application/json", typeof(List<Dictionary<string, System.Text.Json.JsonElement>>), "An array of row objects with the manifest's fields, signed as the source's webhook declares.")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "The source is not a push source, or the body cannot be read; the problem names the part.")]
    [OpenApiProblem(StatusCodes.Status401Unauthorized, "The timestamp is missing or outside the replay window, or the signature is missing or wrong.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id, or it takes no webhook deliveries.")]
    [OpenApiProblem(StatusCodes.Status409Conflict, "The delivery was replayed: its signature was accepted before.")]
    [OpenApiProblem(StatusCodes.Status413PayloadTooLarge, "The body is larger than the source's MaxUploadBytes.")]
    [OpenApiProblem(StatusCodes.Status415UnsupportedMediaType, "The Content-Type is not application/json.")]
    [OpenApiProblem(StatusCodes.Status503ServiceUnavailable, "The source's webhook secret is not configured.")]
    public async Task<Results<Accepted<UploadReceipt>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhooks/{source}")] HttpRequest request, string source)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        try
        {
            var manifest = sources.Get(source);
            var hook = PushSources.WebhookOf(manifest);
            PushRequests.MediaType(request, [PushSpec.Json]);
            var body = await PushRequests.BodyAsync(request, manifest.Push!.MaxUploadBytes, cancellationToken);
            var receipt = await ingestion.DeliverAsync(manifest, body, Single(request, hook.TimestampHeader), Single(request, hook.SignatureHeader), cancellationToken);
            return TypedResults.Accepted((string?)null, receipt);
        }
        catch (Exception ex) when (PushRequests.Problem(ex, source, logger) is { } problem)
        {
            return problem;
        }
    }

    // A header sent twice is not one value: it fails the check like a missing one.
    private static string? Single(HttpRequest request, string header) =>
        request.Headers.TryGetValue(header, out var values) && values.Count == 1 ? values[0] : null;
}
