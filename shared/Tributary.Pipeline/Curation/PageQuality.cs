namespace Tributary.Curation;

/// <summary>Quality counts for one curated page (table <c>quality</c>), so nothing is dropped without a trace.</summary>
public sealed record PageQuality(
    string Source,
    string RunId,
    string RawBlob,
    int Observations,
    int Missing,
    int OutOfRange,
    int Rejected,
    string? QuarantineBlob,
    string? PageError);
