namespace Tributary.Sources.Manifests;

public enum PagingKind
{
    None,

    /// <summary><see cref="PagingSpec.PageParameter"/> = 1, 2, 3… with <see cref="PagingSpec.SizeParameter"/>; stops on a short page.</summary>
    PageNumber,

    /// <summary><see cref="PagingSpec.OffsetParameter"/> = 0, size, 2·size…; stops on a short page.</summary>
    Offset,

    /// <summary>A cursor read at <see cref="PagingSpec.CursorPath"/> and sent back as <see cref="PagingSpec.CursorParameter"/>.</summary>
    Cursor,

    /// <summary>RFC 8288 <c>Link: &lt;url&gt;; rel="next"</c> response header.</summary>
    LinkHeader,

    /// <summary>An absolute or relative next-page URL read at <see cref="PagingSpec.NextUrlPath"/>.</summary>
    NextUrl,

    /// <summary>GraphQL connection <c>pageInfo { hasNextPage endCursor }</c>; the cursor goes into variable <see cref="PagingSpec.CursorParameter"/>.</summary>
    GraphQLPageInfo,
}

/// <summary>How a source pages. Paths are dotted JSON paths into the page, e.g. <c>meta.next</c> or <c>data.items.pageInfo</c>.</summary>
public sealed class PagingSpec
{
    public PagingKind Kind { get; set; } = PagingKind.None;

    public string PageParameter { get; set; } = "page";

    public int FirstPage { get; set; } = 1;

    public string OffsetParameter { get; set; } = "offset";

    public string? SizeParameter { get; set; }

    public int PageSize { get; set; } = 100;

    /// <summary>Where the page's records are, to detect a short (last) page, e.g. <c>results</c>.</summary>
    public string? ItemsPath { get; set; }

    public string? CursorPath { get; set; }

    public string CursorParameter { get; set; } = "cursor";

    public string? NextUrlPath { get; set; }

    /// <summary>For GraphQL: the path of the connection's <c>pageInfo</c> object.</summary>
    public string? PageInfoPath { get; set; }

    /// <summary>A hard cap on pages per fan-out item and run, so a vendor bug cannot loop forever.</summary>
    public int MaxPages { get; set; } = 50;
}
