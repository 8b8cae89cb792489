namespace Tributary.Landing;

/// <summary>A raw blob's bytes do not match the hash recorded when it was landed. Never curate such a page.</summary>
public sealed class RawPayloadIntegrityException(string blobName, string expected, string actual)
    : Exception($"Raw blob '{blobName}' has SHA-256 {actual}, but its message expects {expected}. The page was not curated.")
{
    public string BlobName { get; } = blobName;
}
