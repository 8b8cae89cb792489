namespace Tributary.Push;

/// <summary>
/// The answer to an upload or webhook delivery: where it landed (the raw blob and its SHA-256, the run), whether the
/// same bytes had already landed that UTC day (<see cref="Duplicate"/>), and the upload's summary.
/// </summary>
public sealed record UploadReceipt(
    string Source,
    string RunId,
    string Blob,
    string Sha256,
    long Bytes,
    string MediaType,
    bool Duplicate,
    DateTimeOffset ReceivedUtc,
    UploadSummary Summary);
