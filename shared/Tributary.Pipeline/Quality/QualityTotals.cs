namespace Tributary.Quality;

/// <summary>
/// The additive counts behind a quality row. A day row is the sum of its pages' totals, kept current by applying
/// each page's change (new minus old) in the same transaction as the page row, so replays converge and nothing is
/// counted twice.
/// </summary>
public sealed record QualityTotals(
    int Pages, int FailedPages, int Observations, int Missing, int OutOfRange, int Rejected, int Expected, int Present,
    int Duplicates, int Judged, int UnitMismatches, int Invalid, int Outliers, int DriftChanges, int TimedPages, double TimelinessSum)
{
    public static QualityTotals Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static QualityTotals Of(PageQuality page)
    {
        var f = page.Figures;
        return new(1, page.PageError is null ? 0 : 1, page.Observations, page.Missing, page.OutOfRange, page.Rejected,
            f?.Expected ?? 0, f?.Present ?? 0, f?.Duplicates ?? 0, f?.Judged ?? 0, f?.UnitMismatches ?? 0, f?.Invalid ?? 0, f?.Outliers ?? 0,
            page.DriftChanges, f?.Timeliness is null ? 0 : 1, f?.Timeliness ?? 0);
    }

    public static QualityTotals operator +(QualityTotals a, QualityTotals b) => a.Combine(b, 1);

    public static QualityTotals operator -(QualityTotals a, QualityTotals b) => a.Combine(b, -1);

    private QualityTotals Combine(QualityTotals b, int sign) => new(
        Pages + sign * b.Pages, FailedPages + sign * b.FailedPages, Observations + sign * b.Observations, Missing + sign * b.Missing,
        OutOfRange + sign * b.OutOfRange, Rejected + sign * b.Rejected, Expected + sign * b.Expected, Present + sign * b.Present,
        Duplicates + sign * b.Duplicates, Judged + sign * b.Judged, UnitMismatches + sign * b.UnitMismatches, Invalid + sign * b.Invalid,
        Outliers + sign * b.Outliers, DriftChanges + sign * b.DriftChanges, TimedPages + sign * b.TimedPages,
        Math.Round(TimelinessSum + sign * b.TimelinessSum, 6));
}
