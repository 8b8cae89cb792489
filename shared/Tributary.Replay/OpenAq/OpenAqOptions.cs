using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenAq;

/// <summary>OpenAQ replay settings, bound from <c>Replay:OpenAq</c>. Limits of 0 switch that limit off.</summary>
internal sealed class OpenAqOptions : VendorOptions
{
    /// <summary>The key the replay accepts when no <see cref="ApiKeys"/> are configured (local demo and tests).</summary>
    public const string DemoApiKey = "replay-openaq-key";

    /// <summary>Accepted <c>X-API-Key</c> values; when empty, <see cref="DemoApiKey"/>.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Requests per key per clock minute (the free tier's 60), reported in <c>x-ratelimit-*</c>.</summary>
    public int PerMinute { get; set; } = 60;

    /// <summary>Requests per key per clock hour (the free tier's 2 000); not reported in any header, as with the vendor.</summary>
    public int PerHour { get; set; } = 2000;

    public override IReadOnlyList<Fault> Faults { get; } =
    [
        Hosting.Fault.ServerError, Hosting.Fault.ServerErrorBurst, Hosting.Fault.Timeout408, Hosting.Fault.TruncatedBody,
        Hosting.Fault.MalformedJson, Hosting.Fault.SchemaDrift, Hosting.Fault.Slow,
    ];

    public IReadOnlyList<string> EffectiveApiKeys => ApiKeys.Count > 0 ? ApiKeys : [DemoApiKey];
}
