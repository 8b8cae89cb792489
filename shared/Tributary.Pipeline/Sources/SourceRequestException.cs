namespace Tributary.Sources;

/// <summary>A vendor answered with an error. The message carries the vendor's own reason, never credentials.</summary>
public sealed class SourceRequestException(string source, int? status, string message, Exception? inner = null)
    : Exception($"{source}: {message}", inner)
{
    public string SourceId { get; } = source;

    /// <summary>The HTTP status, or null when no response arrived (timeout, connection failure).</summary>
    public int? Status { get; } = status;
}
