using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Tributary.Configuration;
using Tributary.Sources.Auth;
using Tributary.Sources.Connectors.Requests;
using Tributary.Sources.Manifests;
using Tributary.Sources.Paging;
using Tributary.Sources.RateBudgets;

namespace Tributary.Sources.Connectors;

/// <summary>
/// Fetches any source from its manifest: fans out over cities or items, renders the request template for the run's
/// window, authenticates, pages until the vendor says there is no more (or the page cap), and yields each answer as
/// a raw page. Building each kind of request, reading the answers and refreshing OAuth2 tokens are each their own
/// type (<see cref="IRequestBuilder"/>, <see cref="ResponseReader"/>, <see cref="BearerTokenHandler"/>). A failure of one item (vendor error, malformed page, exhausted budget) is recorded and the run goes on
/// with the next item; an item's cursor advances only when all its pages were fetched, so the next run resumes it.
/// </summary>
public sealed partial class ManifestConnector(
    SourceManifest manifest,
    IHttpClientFactory clients,
    RequestAuthenticator authenticator,
    CursorStore cursors,
    IReadOnlyList<City> cities,
    ILogger<ManifestConnector> logger) : ISourceConnector
{
    private readonly IRequestBuilder _requests = RequestBuilders.For(manifest);
    private readonly ResponseReader _responses = new(manifest);

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
        using var request = _requests.Build(new RequestContext(scope, page, cursor));
        request.Options.Set(RateBudgetHandler.StatsKey, stats);
        await authenticator.ApplyAsync(request, manifest, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName(SourceId)).SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceRequestException(SourceId, null, $"{_requests.Method} {request.RequestUri!.AbsolutePath} failed: {ex.Message}", ex);
        }
        using (response)
        {
            var fetched = await _responses.ReadAsync(response, _requests.Method.Method, target.Key, target.CityId, target.Item?.Id, page, cancellationToken);
            if (fetched is null) LogUnchanged(logger, SourceId, target.Key);
            return fetched;
        }
    }

    private IEnumerable<Target> Targets() => manifest.FanOut.Over switch
    {
        FanOutKind.Cities => cities.Select(c => new Target(c.Id, c, null, c.Id)),
        FanOutKind.Items => manifest.FanOut.Items.Select(i => new Target(SafeKey(i.Id), cities.FirstOrDefault(c => c.Id == i.City), i, SafeKey(i.Id))),
        _ => [new Target("all", null, null, CursorStore.NoItem)],
    };

    private static string SafeKey(string id) => string.Concat(id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_' or ':' ? ch : '-'));

    private sealed record Target(string Key, City? City, FanOutItem? Item, string CursorKey)
    {
        public string? CityId => City?.Id ?? Item?.City;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} '{Item}': stopped at the page cap of {MaxPages} pages")]
    private static partial void LogPageCap(ILogger logger, string source, string item, int maxPages);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} '{Item}': unchanged since the last download (304)")]
    private static partial void LogUnchanged(ILogger logger, string source, string item);
}
