using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tributary.Functions.Http.Caching;

/// <summary>
/// Answers a GET with JSON revalidation: sets a weak <c>ETag</c> over the serialized body and <c>Cache-Control</c>,
/// and answers 304 without a body when the client's <c>If-None-Match</c> still matches.
/// </summary>
public static class CachedJson
{
    /// <summary>Public data: shared caches may keep it for <paramref name="maxAgeSeconds"/>.</summary>
    public const string Public = "public, max-age={0}";

    /// <summary>Per-caller or admin data: only the client may keep it, and must revalidate.</summary>
    public const string Private = "private, no-cache";

    /// <summary>Writes the headers; null when the body should be sent, a 304 result when the client's copy is current.</summary>
    public static StatusCodeHttpResult? NotModified<T>(HttpRequest request, T body, JsonSerializerOptions options, int maxAgeSeconds = 60, bool isPublic = true)
    {
        var etag = EntityTags.Weak(JsonSerializer.SerializeToUtf8Bytes(body, options));
        var headers = request.HttpContext.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = isPublic ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Public, maxAgeSeconds) : Private;
        headers.Vary = "Accept-Encoding";
        return EntityTags.Matches(request.Headers.IfNoneMatch, etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : null;
    }
}
