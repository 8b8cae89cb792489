using Tributary.Quality;

namespace Tributary.Query.QualityReport;

/// <summary>One curated page's quality: the raw page, the run that landed it, its quarantine blob or page error, and its figures.</summary>
public sealed record QualityPageRow(string RawBlob, string RunId, string? QuarantineBlob, string? PageError, QualityDay Quality)
{
    public static QualityPageRow From(QualityEntity r) => new(r.RawBlob, r.RunId, r.QuarantineBlob, r.PageError, QualityDay.From(r));
}
