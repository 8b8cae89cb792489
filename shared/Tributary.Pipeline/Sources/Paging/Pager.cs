using System.Text.Json;
using System.Text.RegularExpressions;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Paging;

/// <summary>Decides the next page from the current answer, for every paging style a manifest can declare.</summary>
public static partial class Pager
{
    public static PageRequest First(PagingSpec spec) => new(1, spec.FirstPage, 0, null, null);

    /// <returns>The next page, or null when this was the last one.</returns>
    public static PageRequest? Next(PagingSpec spec, PageRequest current, HttpResponseMessage response, JsonElement? page)
    {
        var following = current.Number + 1;
        switch (spec.Kind)
        {
            case PagingKind.PageNumber:
                return IsFull(spec, page) ? current with { Number = following, PageNumber = current.PageNumber + 1 } : null;
            case PagingKind.Offset:
                return IsFull(spec, page) ? current with { Number = following, Offset = current.Offset + spec.PageSize } : null;
            case PagingKind.Cursor:
                var cursor = page is { } c ? JsonPath.String(c, spec.CursorPath!) : null;
                return string.IsNullOrEmpty(cursor) || cursor == current.Cursor ? null : current with { Number = following, Cursor = cursor };
            case PagingKind.LinkHeader:
                var link = NextLink(response);
                return link is null ? null : current with { Number = following, NextUrl = new Uri(response.RequestMessage!.RequestUri!, link) };
            case PagingKind.NextUrl:
                var next = page is { } n ? JsonPath.String(n, spec.NextUrlPath!) : null;
                return string.IsNullOrEmpty(next) ? null : current with { Number = following, NextUrl = new Uri(response.RequestMessage!.RequestUri!, next) };
            case PagingKind.GraphQLPageInfo:
                if (page is not { } g || JsonPath.Find(g, spec.PageInfoPath!) is not { ValueKind: JsonValueKind.Object } info) return null;
                var hasNext = info.TryGetProperty("hasNextPage", out var h) && h.ValueKind == JsonValueKind.True;
                var end = info.TryGetProperty("endCursor", out var e) ? e.GetString() : null;
                return hasNext && !string.IsNullOrEmpty(end) && end != current.Cursor ? current with { Number = following, Cursor = end } : null;
            default:
                return null;
        }
    }

    /// <summary>A page holding fewer records than the page size is the last one.</summary>
    private static bool IsFull(PagingSpec spec, JsonElement? page) =>
        page is { } p && JsonPath.Find(p, spec.ItemsPath!) is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() >= spec.PageSize;

    /// <summary>RFC 8288: <c>Link: &lt;https://…?page=3&gt;; rel="next", &lt;…&gt;; rel="last"</c>.</summary>
    internal static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (Match m in LinkValue().Matches(string.Join(",", values)))
        {
            if (m.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase)) return m.Groups["url"].Value;
        }
        return null;
    }

    [GeneratedRegex("<(?<url>[^>]*)>\\s*;[^,]*?rel=\"?(?<rel>[^\";,]+)\"?")]
    private static partial Regex LinkValue();
}
