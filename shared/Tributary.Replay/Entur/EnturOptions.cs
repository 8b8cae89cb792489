using System.ComponentModel.DataAnnotations;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur;

/// <summary>Entur replay settings, bound from <c>Replay:Entur</c>. Rate limits of 0 switch that limit off.</summary>
internal sealed class EnturOptions : VendorOptions
{
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

    /// <summary><c>expires_in</c> of issued tokens, judged by the replay clock.</summary>
    [Range(1, 7 * 24 * 3600)]
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>OAuth2 clients the token endpoint accepts, id to secret; when none are configured, the demo client.</summary>
    public Dictionary<string, string> Clients { get; set; } = [];

    public override IReadOnlyList<Fault> Faults { get; } =
        [Hosting.Fault.ServerError, Hosting.Fault.Timeout422, Hosting.Fault.MalformedJson, Hosting.Fault.SchemaDrift, Hosting.Fault.TruncatedZip, Hosting.Fault.Slow];

    public IReadOnlyDictionary<string, string> EffectiveClients => Clients.Count > 0 ? Clients : new Dictionary<string, string> { [DemoClientId] = DemoClientSecret };
}
