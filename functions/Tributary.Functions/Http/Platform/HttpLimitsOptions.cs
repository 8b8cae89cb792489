namespace Tributary.Functions.Http.Platform;

/// <summary>
/// Bounds on what one request may bring (section <c>Limits</c>). The local host enforces the same defaults in front of
/// the worker; the worker checks again, because in Azure the Functions host's own limits are wider.
/// </summary>
public sealed class HttpLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Path and query as sent (the request target), in bytes: 414 above it.</summary>
    public int MaxUriBytes { get; set; } = 8 * 1024;

    /// <summary>All header names and values together: 431 above it.</summary>
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>A request body: 413 above it (uploads are the largest bodies any route takes).</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
