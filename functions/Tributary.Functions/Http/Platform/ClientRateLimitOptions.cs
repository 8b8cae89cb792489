namespace Tributary.Functions.Http.Platform;

/// <summary>
/// The per-client allowance of the public routes (section <c>RateLimit</c>): a fixed window of one minute per client
/// address. Admin operations (authenticated, and rare) and the health probe are exempt.
/// </summary>
public sealed class ClientRateLimitOptions
{
    public const string Section = "RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client may make per minute; the dashboard makes a handful per refresh.</summary>
    public int PermitsPerMinute { get; set; } = 300;
}
