using Tributary.Sources.Paging;

namespace Tributary.Sources.Connectors.Requests;

/// <summary>What one request of a run is for: the template values, the page asked for, and the item's saved cursor.</summary>
public sealed record RequestContext(TemplateScope Scope, PageRequest Page, SourceCursor? Cursor);
