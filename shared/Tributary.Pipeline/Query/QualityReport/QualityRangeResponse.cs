namespace Tributary.Query.QualityReport;

/// <summary>A source's day rows over [From, To] (UTC landing days, inclusive; days without pages have no row) and their trend.</summary>
public sealed record QualityRangeResponse(string Source, string From, string To, IReadOnlyList<QualityDay> Days, QualityTrend Trend);
