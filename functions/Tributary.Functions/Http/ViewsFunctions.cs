using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Http.Caching;
using Tributary.Functions.Http.Security;
using Tributary.Functions.OpenApi;
using Tributary.Query;
using Tributary.Views;

namespace Tributary.Functions.Http;

/// <summary>
/// Saved dashboard views under <c>/api/v1/views</c>. Creating and reading are public (anonymous), as sharing a link
/// is: a view holds only a dashboard state, and its id is random enough not to be guessed. Deleting is an admin
/// operation.
/// </summary>
public sealed class ViewsFunctions(ViewDraftReader reader, ViewStore views, IOptions<JsonOptions> json)
{
    private const string Route = "v1/views";

    [Function("CreateView")]
    [OpenApiOperation("CreateView", "Save a dashboard state as a shareable view", Tag = "views",
        Description = "Public, like sharing a link. The body (application/json, at most 16 KB) is {name, kpis[], cities[], stop?, grain?, " +
                      "range: {preset} or {from, to}, options?}; unknown fields are refused. Answers 201 with the view and its Location.")]
    [OpenApiRequestBody("application/json", typeof(Tributary.Views.ViewDraft), "The view to save; unknown fields are refused.")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A field is invalid or the body is not JSON; the problem names the field.")]
    [OpenApiProblem(StatusCodes.Status413PayloadTooLarge, "The body is larger than 16 KB.")]
    [OpenApiProblem(StatusCodes.Status415UnsupportedMediaType, "The body is not application/json.")]
    public async Task<Results<Created<SavedView>, ProblemHttpResult>> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type in 'Content-Type'",
                $"The body must be application/json, not '{QueryText.Shorten(request.ContentType ?? "(none)")}'.", "Content-Type");
        }
        if (request.ContentLength > ViewDraftReader.MaxBodyBytes || await ReadBodyAsync(request) is not { } body)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Too large: 'body'",
                $"A view body may be at most {ViewDraftReader.MaxBodyBytes} bytes.", "body");
        }
        try
        {
            var view = await views.CreateAsync(reader.Read(body), request.HttpContext.RequestAborted);
            return TypedResults.Created($"/api/{Route}/{view.Id}", view);
        }
        catch (ViewValidationException ex)
        {
            return ApiProblems.InvalidParameter(ex.Field, ex.Message);
        }
    }

    [Function("GetView")]
    [OpenApiOperation("GetView", "A saved view by its id", Tag = "views", Description = "Public. Supports If-None-Match.")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "The id is not a view id (10 letters and digits).")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No view has that id.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<SavedView>, ProblemHttpResult, StatusCodeHttpResult>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/{id}")] HttpRequest request, string id)
    {
        if (!ViewIds.IsValid(id)) return BadId(id);
        if (await views.GetAsync(id, request.HttpContext.RequestAborted) is not { } view) return UnknownView(id);
        // A view never changes after it is saved; it can only be deleted, so a short shared cache is safe.
        if (CachedJson.NotModified(request, view, json.Value.SerializerOptions, maxAgeSeconds: 300) is { } notModified) return notModified;
        return TypedResults.Ok(view);
    }

    [Function("ListViews")]
    [OpenApiOperation("ListViews", "Saved views, a page at a time in id order", Tag = "views",
        Description = "Public. Pass the 'continuation' of one page to get the next; the last page has none. Supports If-None-Match.")]
    [OpenApiQuery("limit", "Views per page, 1 to 100; 20 by default.", Example = "20")]
    [OpenApiQuery("continuation", "The token of the previous page, as it was given.")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiResponse(StatusCodes.Status304NotModified, null, "Not Modified: the If-None-Match ETag still matches.")]
    public async Task<Results<Ok<ViewPage>, ProblemHttpResult, StatusCodeHttpResult>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request)
    {
        ViewPage page;
        try
        {
            var limit = QueryValues.BoundedInt(request, "limit", 1, 100, 20);
            var after = QueryValues.Text(request, "continuation") is { } token ? ViewContinuation.Parse(token) : null;
            page = await views.ListAsync(limit, after, request.HttpContext.RequestAborted);
        }
        catch (KpiQueryException ex)
        {
            return ApiProblems.InvalidParameter(ex.Parameter, ex.Message);
        }
        catch (ViewValidationException ex)
        {
            return ApiProblems.InvalidParameter(ex.Field, ex.Message);
        }
        if (CachedJson.NotModified(request, page, json.Value.SerializerOptions, maxAgeSeconds: 30) is { } notModified) return notModified;
        return TypedResults.Ok(page);
    }

    [Function("DeleteView")]
    [AdminOperation]
    [OpenApiOperation("DeleteView", "Delete a saved view", Tag = "admin")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "The id is not a view id (10 letters and digits).")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No view has that id.")]
    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route + "/{id}")] HttpRequest request, string id)
    {
        if (!ViewIds.IsValid(id)) return BadId(id);
        return await views.DeleteAsync(id, request.HttpContext.RequestAborted) ? TypedResults.NoContent() : UnknownView(id);
    }

    private static ProblemHttpResult BadId(string id) =>
        ApiProblems.InvalidParameter("id", $"'{QueryText.Shorten(id)}' is not a view id: {ViewIds.Length} letters and digits.");

    private static ProblemHttpResult UnknownView(string id) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown view id", $"No view has the id '{id}'.", "id");

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase) &&
        (media.CharSet is null || string.Equals(media.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body, or null when it is longer than the limit (read no further than one byte past it).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request)
    {
        var buffer = new byte[ViewDraftReader.MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0) length += read;
        return length > ViewDraftReader.MaxBodyBytes ? null : buffer.AsMemory(0, length);
    }
}
