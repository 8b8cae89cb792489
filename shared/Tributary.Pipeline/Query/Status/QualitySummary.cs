using Tributary.Query.QualityReport;

namespace Tributary.Query.Status;

/// <summary>
/// A source's quality over the last <see cref="Days"/> UTC landing days: pages, pages quarantined whole, records
/// quarantined (rejected), and the latest day's figures.
/// </summary>
public sealed record QualitySummary(int Days, int Pages, int FailedPages, int Observations, int Rejected, QualityDay? Latest);
