using System.Globalization;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors.Requests;

/// <summary>
/// The URI of a page: the vendor's next-page URL when it gave one, otherwise the manifest's path and query rendered
/// for the run, plus the paging parameters its paging kind sends.
/// </summary>
internal static class RequestUris
{
    public static Uri For(SourceManifest manifest, RequestContext context)
    {
        if (context.Page.NextUrl is { } next) return next;
        var (spec, paging, page, scope) = (manifest.Request, manifest.Paging, context.Page, context.Scope);
        var query = spec.Query.Select(q => (q.Key, Value: scope.Render(q.Value))).ToList();
        switch (paging.Kind)
        {
            case PagingKind.PageNumber:
                query.Add((paging.PageParameter, page.PageNumber.ToString(CultureInfo.InvariantCulture)));
                break;
            case PagingKind.Offset:
                query.Add((paging.OffsetParameter, page.Offset.ToString(CultureInfo.InvariantCulture)));
                break;
            case PagingKind.Cursor when page.Cursor is { } cursor:
                query.Add((paging.CursorParameter, cursor));
                break;
        }
        if (paging.Kind is PagingKind.PageNumber or PagingKind.Offset && paging.SizeParameter is { } size)
        {
            query.Add((size, paging.PageSize.ToString(CultureInfo.InvariantCulture)));
        }
        return new UriBuilder(new Uri(manifest.BaseUrl!, scope.Render(spec.Path)))
        {
            Query = string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")),
        }.Uri;
    }

    /// <summary>A new request with the manifest's extra headers (never credentials: those are added by the auth step).</summary>
    public static HttpRequestMessage Request(HttpMethod method, SourceManifest manifest, RequestContext context)
    {
        var request = new HttpRequestMessage(method, For(manifest, context));
        foreach (var (name, value) in manifest.Request.Headers) request.Headers.TryAddWithoutValidation(name, context.Scope.Render(value));
        return request;
    }
}
