using Tributary.Sources.Paging;

namespace Tributary.Sources.Connectors;

/// <summary>One vendor answer read: the page to land, the next page (null at the last), a problem that stops the item after landing, and the validators to save.</summary>
internal sealed record FetchedPage(RawPage Page, PageRequest? Next, string? Problem, string? ETag, string? LastModified);
