using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Tributary.Sources.Manifests;
using Tributary.Sources.Paging;

namespace Tributary.Sources.Connectors;

/// <summary>
/// Reads a vendor's answer into a page to land: an error status is a failure naming the item (with the start of the
/// body, never the request, which may carry a key); a 200 of GraphQL errors without data is a failure too; a page
/// that is not JSON is landed for quarantine but stops its item, since the next page cannot be found from it.
/// </summary>
internal sealed class ResponseReader(SourceManifest manifest)
{
    /// <returns>The page, or null for an unchanged download (304).</returns>
    public async Task<FetchedPage?> ReadAsync(HttpResponseMessage response, string method, string itemKey, string? cityId, string? itemId,
        PageRequest page, CancellationToken cancellationToken)
    {
        if (manifest.Request.Kind == RequestKind.Download && response.StatusCode == HttpStatusCode.NotModified) return null;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? manifest.Request.Path;
        if (!response.IsSuccessStatusCode)
        {
            throw new SourceRequestException(manifest.Id, (int)response.StatusCode,
                $"{method} {path} for '{itemKey}' answered {(int)response.StatusCode}: {Snippet(body)}");
        }

        var contentType = manifest.Request.ContentType;
        var rawPage = new RawPage(PageKey(itemKey, page.Number), cityId, body, contentType, itemId);
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
        if (!contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return new FetchedPage(rawPage, Pager.Next(manifest.Paging, page, response, null), null, etag, lastModified);
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return new FetchedPage(rawPage, null, $"{path} answered JSON that does not parse ({ex.Message})", etag, lastModified);
        }
        using (json)
        {
            if (manifest.Request.Kind == RequestKind.GraphQL && GraphQLErrors(json.RootElement) is { } errors)
            {
                throw new SourceRequestException(manifest.Id, (int)response.StatusCode, $"GraphQL errors for '{itemKey}': {errors}");
            }
            return new FetchedPage(rawPage, Pager.Next(manifest.Paging, page, response, json.RootElement), null, etag, lastModified);
        }
    }

    /// <summary>HTTP 200 is not success in GraphQL: top-level <c>errors</c> with no usable <c>data</c> is a failure.</summary>
    private static string? GraphQLErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0) return null;
        var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object &&
                      data.EnumerateObject().Any(p => p.Value.ValueKind is not JsonValueKind.Null);
        return hasData ? null : string.Join(" | ", errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : e.GetRawText()));
    }

    private static string PageKey(string key, int number) => number == 1 ? key : $"{key}.p{number}";

    private static string Snippet(byte[] body)
    {
        if (body.Length == 0) return "(empty body)";
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ");
        return body.Length > 300 ? text + "…" : text;
    }
}
