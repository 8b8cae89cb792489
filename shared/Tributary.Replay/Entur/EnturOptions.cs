namespace Tributary.Replay.Entur;

/// <summary>Entur replay settings, bound from <c>Replay:Entur</c>. Rate limits of 0 switch that limit off.</summary>
internal sealed class EnturOptions
{
    public const string SectionName = "Replay:Entur";

    /// <summary>The only audience the token endpoint grants (production Entur APIs).</summary>
    public const string Audience = "https://api.entur.io";

    public const string DemoClientId = "tributary-demo";
    public const string DemoClientSecret = "replay-secret";

    /// <summary>Journey Planner requests per <c>ET-Client-Name</c> per clock minute (the gateway's figure for identified clients).</summary>
    public int QuotaPerMinute { get; set; } = 1000;

    /// <summary>Spike arrest: Journey Planner requests per <c>ET-Client-Name</c> per clock second.</summary>
    public int SpikePerSecond { get; set; } = 200;

    /// <summary>Per-minute quota of calls with a valid partner token (counted per OAuth2 client).</summary>
    public int PartnerQuotaPerMinute { get; set; } = 5000;

    /// <summary>Spike arrest of calls with a valid partner token.</summary>
    public int PartnerSpikePerSecond { get; set; } = 500;

    /// <summary><c>expires_in</c> of issued tokens, judged by the replay clock.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>OAuth2 clients the token endpoint accepts; when none are configured, the demo client.</summary>
    public List<EnturClientOptions> Clients { get; set; } = [];

    /// <summary>How long the <c>slow</c> fault holds each answer back, by the replay clock.</summary>
    public int SlowResponseSeconds { get; set; } = 30;

    /// <summary>Initial fault mode; see <see cref="EnturFaults.Names"/>.</summary>
    public string Fault { get; set; } = EnturFaults.NoneName;

    public IReadOnlyList<EnturClientOptions> EffectiveClients =>
        Clients.Count > 0 ? Clients : [new EnturClientOptions { ClientId = DemoClientId, ClientSecret = DemoClientSecret }];
}

/// <summary>One OAuth2 client: <c>Replay:Entur:Clients:N:ClientId</c> / <c>ClientSecret</c>.</summary>
internal sealed class EnturClientOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;
}
