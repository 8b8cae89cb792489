namespace Tributary.Query.Raw;

/// <summary>A landed page whose bytes were checked against the SHA-256 it was landed with. The caller disposes it.</summary>
/// <param name="Sha256">Lowercase hex.</param>
public sealed record RawPayload(RawBlobName Name, Stream? Content, string MediaType, long Length, string Sha256, DateTimeOffset LandedUtc) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content?.DisposeAsync() ?? ValueTask.CompletedTask;
}
