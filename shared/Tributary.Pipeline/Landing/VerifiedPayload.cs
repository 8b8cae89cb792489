namespace Tributary.Landing;

/// <summary>A landed page whose hash was checked: its content (seekable; the caller disposes it) and when it was landed.</summary>
public sealed record VerifiedPayload(Stream Content, DateTimeOffset LandedUtc, string ContentType, long Length) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
