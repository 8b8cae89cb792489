namespace Tributary.Query.QualityReport;

/// <summary>The page rows of a source landed on one UTC day, in blob-name order.</summary>
public sealed record QualityPagesResponse(string Source, string Day, IReadOnlyList<QualityPageRow> Pages);
