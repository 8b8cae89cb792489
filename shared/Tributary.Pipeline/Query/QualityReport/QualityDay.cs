using Tributary.Quality;

namespace Tributary.Query.QualityReport;

/// <summary>One source's quality on one UTC landing day (or of one page): the figures in [0, 1] (null: nothing to judge) and the counts they come from.</summary>
public sealed record QualityDay(
    string Day,
    double? Score,
    double? Completeness,
    double? Uniqueness,
    double? Consistency,
    double? Validity,
    double? Timeliness,
    double? Volume,
    int Pages,
    int FailedPages,
    int Observations,
    int Missing,
    int OutOfRange,
    int Rejected,
    int Duplicates,
    int UnitMismatches,
    int Invalid,
    int Outliers,
    int DriftChanges,
    DateTimeOffset? NewestUtc,
    long? AgeSeconds)
{
    public static QualityDay From(QualityEntity r) => new(
        r.Day, r.Score, r.Completeness, r.Uniqueness, r.Consistency, r.Validity, r.Timeliness, r.Volume,
        r.Pages, r.FailedPages, r.Observations, r.Missing, r.OutOfRange, r.Rejected, r.Duplicates, r.UnitMismatches, r.Invalid, r.Outliers,
        r.DriftChanges, r.NewestUtc, r.AgeSeconds);
}
