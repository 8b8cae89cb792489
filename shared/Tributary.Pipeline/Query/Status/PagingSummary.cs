using Tributary.Sources.Manifests;

namespace Tributary.Query.Status;

/// <summary>How a source pages: the kind, the page size (for page and offset paging) and the hard cap on pages.</summary>
public sealed record PagingSummary(string Kind, int? PageSize, int MaxPages)
{
    public static PagingSummary From(PagingSpec paging) =>
        new(paging.Kind.ToString(), paging.Kind is PagingKind.PageNumber or PagingKind.Offset ? paging.PageSize : null, paging.MaxPages);
}
