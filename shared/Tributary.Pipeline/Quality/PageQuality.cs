namespace Tributary.Quality;

/// <summary>Quality of one curated page (table <c>quality</c>), so nothing is dropped without a trace.</summary>
/// <param name="PageError">Why the page as a whole could not be read (it was quarantined), or null.</param>
public sealed record PageQuality(
    string Source,
    string RunId,
    string RawBlob,
    int Observations,
    int Missing,
    int OutOfRange,
    int Rejected,
    string? QuarantineBlob,
    string? PageError)
{
    /// <summary>The page's quality figures; null for a page that could not be read at all.</summary>
    public QualityFigures? Figures { get; init; }

    /// <summary>How many changes of shape the page showed against its mapper's schema (new or already known).</summary>
    public int DriftChanges { get; init; }
}
