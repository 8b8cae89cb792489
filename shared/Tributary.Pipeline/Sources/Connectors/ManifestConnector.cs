using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Tributary.Configuration;
using Tributary.Sources.Auth;
using Tributary.Sources.Manifests;
using Tributary.Sources.Paging;
using Tributary.Sources.RateBudgets;

namespace Tributary.Sources.Connectors;

/// <summary>
/// Fetches any source from its manifest: fans out over cities or items, renders the request template for the run's
/// window, authenticates, pages until the vendor says there is no more (or the page cap), and yields each answer as
/// a raw page. A failure of one item (vendor error, malformed page, exhausted budget) is recorded and the run goes on
/// with the next item; an item's cursor advances only when all its pages were fetched, so the next run resumes it.
/// </summary>
public sealed partial class ManifestConnector(
    SourceManifest manifest,
    IHttpClientFactory clients,
    RequestAuthenticator authenticator,
    OAuth2TokenProvider tokens,
    CursorStore cursors,
    IReadOnlyList<City> cities,
    ILogger<ManifestConnector> logger) : ISourceConnector
{
    public string SourceId => manifest.Id;

    public SourceManifest Manifest => manifest;

    public static string HttpClientName(string sourceId) => $"source:{sourceId}";

    public async IAsyncEnumerable<RawPage> FetchAsync(SourceRun run, FetchStats stats, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var target in Targets())
        {
            // A backfill asks for its own window, unconditionally, and leaves the cursors of scheduled runs alone.
            var cursor = run.IsBackfill ? null : await cursors.GetAsync(SourceId, target.CursorKey, cancellationToken);
            var (start, end) = run.IsBackfill
                ? (run.WindowStart!.Value, run.WindowEnd!.Value)
                : SourceWindow.For(manifest.Window, run.RunTime, cursor?.Watermark);
            var scope = new TemplateScope(target.City, target.Item, start, end, run.RunTime);
            var page = Pager.First(manifest.Paging);
            var completed = false;
            string? etag = cursor?.ETag, lastModified = cursor?.LastModified;
            while (true)
            {
                if (page.Number > manifest.Paging.MaxPages)
                {
                    LogPageCap(logger, SourceId, target.Key, manifest.Paging.MaxPages);
                    completed = true;
                    break;
                }
                FetchedPage? fetched;
                try
                {
                    fetched = await FetchPageAsync(target, scope, page, cursor, stats, cancellationToken);
                }
                catch (Exception ex) when (ex is SourceRequestException or RateBudgetExhaustedException or Secrets.SecretNotFoundException)
                {
                    failures.Add($"{target.Key}: {ex.Message}");
                    break;
                }
                catch (BrokenCircuitException ex)
                {
                    // The breaker is open: every further call of this run would fail the same way.
                    failures.Add($"{target.Key}: {SourceId} circuit is open ({ex.Message})");
                    throw Failure(failures);
                }
                if (fetched is null)
                {
                    completed = true; // Unchanged download (304): nothing to land.
                    break;
                }
                yield return fetched.Page;
                (etag, lastModified) = (fetched.ETag ?? etag, fetched.LastModified ?? lastModified);
                if (fetched.Problem is not null)
                {
                    failures.Add($"{target.Key}: {fetched.Problem}");
                    break;
                }
                if (fetched.Next is null)
                {
                    completed = true;
                    break;
                }
                page = fetched.Next;
            }
            if (completed && !run.IsBackfill)
            {
                await cursors.SaveAsync(SourceId, target.CursorKey, new SourceCursor(end, etag, lastModified), cancellationToken);
            }
        }
        if (failures.Count > 0) throw Failure(failures);
    }

    private SourceRequestException Failure(List<string> failures) =>
        new(SourceId, null, $"{failures.Count} item(s) failed and resume on the next run: {string.Join("; ", failures)}");

    private async Task<FetchedPage?> FetchPageAsync(Target target, TemplateScope scope, PageRequest page, SourceCursor? cursor, FetchStats stats, CancellationToken cancellationToken)
    {
        var response = await SendAsync(scope, page, cursor, stats, cancellationToken);
        using (response)
        {
            if (manifest.Request.Kind == RequestKind.Download && response.StatusCode == HttpStatusCode.NotModified)
            {
                LogUnchanged(logger, SourceId, target.Key);
                return null;
            }
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? manifest.Request.Path;
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceRequestException(SourceId, (int)response.StatusCode,
                    $"{Method} {path} for '{target.Key}' answered {(int)response.StatusCode}: {Snippet(body)}");
            }

            var contentType = manifest.Request.ContentType;
            var rawPage = new RawPage(PageKey(target.Key, page.Number), target.CityId, body, contentType, target.Item?.Id);
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
                // Land it anyway (curation quarantines it), but stop this item: the next page cannot be found from it.
                return new FetchedPage(rawPage, null, $"{path} answered JSON that does not parse ({ex.Message})", etag, lastModified);
            }
            using (json)
            {
                if (manifest.Request.Kind == RequestKind.GraphQL && GraphQLErrors(json.RootElement) is { } errors)
                {
                    throw new SourceRequestException(SourceId, (int)response.StatusCode, $"GraphQL errors for '{target.Key}': {errors}");
                }
                return new FetchedPage(rawPage, Pager.Next(manifest.Paging, page, response, json.RootElement), null, etag, lastModified);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(TemplateScope scope, PageRequest page, SourceCursor? cursor, FetchStats stats, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(HttpClientName(SourceId));
        for (var attempt = 1; ; attempt++)
        {
            using var request = BuildRequest(scope, page, cursor);
            request.Options.Set(RateBudgetHandler.StatsKey, stats);
            await authenticator.ApplyAsync(request, manifest, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException
                                       && !cancellationToken.IsCancellationRequested)
            {
                throw new SourceRequestException(SourceId, null, $"{Method} {request.RequestUri!.AbsolutePath} failed: {ex.Message}", ex);
            }
            // RFC 6750: an expired or revoked token answers 401; fetch one new token and try once more.
            if (response.StatusCode == HttpStatusCode.Unauthorized && manifest.Auth.Kind == AuthKind.OAuth2ClientCredentials && attempt == 1)
            {
                response.Dispose();
                tokens.Invalidate(SourceId);
                LogTokenRefresh(logger, SourceId);
                continue;
            }
            return response;
        }
    }

    private HttpRequestMessage BuildRequest(TemplateScope scope, PageRequest page, SourceCursor? cursor)
    {
        var spec = manifest.Request;
        var paging = manifest.Paging;
        Uri uri;
        if (page.NextUrl is { } next)
        {
            uri = next;
        }
        else
        {
            var query = spec.Query.Select(q => (q.Key, Value: scope.Render(q.Value))).ToList();
            if (paging.Kind == PagingKind.PageNumber) query.Add((paging.PageParameter, page.PageNumber.ToString(CultureInfo.InvariantCulture)));
            if (paging.Kind == PagingKind.Offset) query.Add((paging.OffsetParameter, page.Offset.ToString(CultureInfo.InvariantCulture)));
            if (paging.Kind is PagingKind.PageNumber or PagingKind.Offset && paging.SizeParameter is { } size)
            {
                query.Add((size, paging.PageSize.ToString(CultureInfo.InvariantCulture)));
            }
            if (paging.Kind == PagingKind.Cursor && page.Cursor is { } c) query.Add((paging.CursorParameter, c));
            var builder = new UriBuilder(new Uri(manifest.BaseUrl!, scope.Render(spec.Path)))
            {
                Query = string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")),
            };
            uri = builder.Uri;
        }

        var request = new HttpRequestMessage(spec.Kind is RequestKind.Post or RequestKind.GraphQL ? HttpMethod.Post : HttpMethod.Get, uri);
        foreach (var (name, value) in spec.Headers) request.Headers.TryAddWithoutValidation(name, scope.Render(value));
        if (spec.Kind == RequestKind.Post)
        {
            request.Content = new StringContent(scope.Render(spec.Body!), Encoding.UTF8, "application/json");
        }
        else if (spec.Kind == RequestKind.GraphQL)
        {
            var variables = new JsonObject();
            foreach (var (name, value) in spec.Variables) variables[name] = Typed(scope.Render(value));
            if (paging.Kind == PagingKind.GraphQLPageInfo && page.Cursor is { } after) variables[paging.CursorParameter] = after;
            var body = new JsonObject { ["query"] = spec.GraphQLQuery, ["variables"] = variables };
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else if (spec.Kind == RequestKind.Download && cursor is not null)
        {
            if (cursor.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (cursor.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        }
        return request;
    }

    /// <summary>GraphQL variables keep their JSON types: numbers and booleans written in the manifest stay numbers and booleans.</summary>
    private static JsonNode? Typed(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
        : bool.TryParse(value, out var b) ? JsonValue.Create(b)
        : JsonValue.Create(value);

    /// <summary>HTTP 200 is not success in GraphQL: top-level <c>errors</c> with no usable <c>data</c> is a failure.</summary>
    private static string? GraphQLErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0) return null;
        var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object &&
                      data.EnumerateObject().Any(p => p.Value.ValueKind is not JsonValueKind.Null);
        return hasData ? null : string.Join(" | ", errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : e.GetRawText()));
    }

    private string Method => manifest.Request.Kind is RequestKind.Post or RequestKind.GraphQL ? "POST" : "GET";

    private IEnumerable<Target> Targets() => manifest.FanOut.Over switch
    {
        FanOutKind.Cities => cities.Select(c => new Target(c.Id, c, null, c.Id)),
        FanOutKind.Items => manifest.FanOut.Items.Select(i => new Target(SafeKey(i.Id), cities.FirstOrDefault(c => c.Id == i.City), i, SafeKey(i.Id))),
        _ => [new Target("all", null, null, CursorStore.NoItem)],
    };

    private static string PageKey(string key, int number) => number == 1 ? key : $"{key}.p{number}";

    private static string SafeKey(string id) => string.Concat(id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_' or ':' ? ch : '-'));

    /// <summary>The start of a vendor's error body, for the run record (never the request, which may carry a key).</summary>
    private static string Snippet(byte[] body)
    {
        if (body.Length == 0) return "(empty body)";
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ");
        return body.Length > 300 ? text + "…" : text;
    }

    private sealed record Target(string Key, City? City, FanOutItem? Item, string CursorKey)
    {
        public string? CityId => City?.Id ?? Item?.City;
    }

    private sealed record FetchedPage(RawPage Page, PageRequest? Next, string? Problem, string? ETag, string? LastModified);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} '{Item}': stopped at the page cap of {MaxPages} pages")]
    private static partial void LogPageCap(ILogger logger, string source, string item, int maxPages);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} '{Item}': unchanged since the last download (304)")]
    private static partial void LogUnchanged(ILogger logger, string source, string item);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: the resource refused the token (401); fetching a new one and trying once more")]
    private static partial void LogTokenRefresh(ILogger logger, string source);
}
