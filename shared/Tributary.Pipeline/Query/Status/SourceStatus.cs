namespace Tributary.Query.Status;

/// <summary>
/// One source's manifest summary and health: what it is (kind, auth, paging, fan-out), when it runs, its recent runs,
/// freshness, quality and drift. <see cref="Alerts"/> lists its open incidents.
/// </summary>
/// <param name="BaseUrl">Scheme, host and path only: no query or user info, which could carry a key.</param>
public sealed record SourceStatus(
    string Id,
    string ManifestSection,
    string? Description,
    bool Enabled,
    string Kind,
    string? BaseUrl,
    string FanOut,
    int FanOutItems,
    AuthSummary Auth,
    PagingSummary Paging,
    ScheduleSummary Schedule,
    FreshnessSummary Freshness,
    IReadOnlyList<RunSummary> RecentRuns,
    QualitySummary Quality,
    IReadOnlyList<DriftSummary> Drift,
    IReadOnlyList<Tributary.Alerts.AlertSummary> Alerts);
