namespace Tributary.Landing;

/// <summary>A raw page as stored: its blob name and SHA-256 (lower-case hex) for lineage and integrity checks.</summary>
/// <param name="AlreadyLanded">True when an identical blob was already there (a replayed run).</param>
public sealed record LandedPage(string BlobName, string Sha256, long Bytes, bool AlreadyLanded);
