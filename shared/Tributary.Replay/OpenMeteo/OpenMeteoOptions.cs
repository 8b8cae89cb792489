using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>Open-Meteo replay settings, bound from <c>Replay:OpenMeteo</c>; they cover the forecast and the air-quality API. Limits of 0 switch a limit off.</summary>
internal sealed class OpenMeteoOptions : VendorOptions
{
    /// <summary>Weighted calls per client IP per clock minute (the vendor's free tier: 600).</summary>
    public int MinutelyLimit { get; set; } = 600;

    /// <summary>Weighted calls per client IP per clock hour (the vendor's free tier: 5 000).</summary>
    public int HourlyLimit { get; set; } = 5_000;

    /// <summary>Weighted calls per client IP per UTC day (the vendor's free tier: 10 000).</summary>
    public int DailyLimit { get; set; } = 10_000;

    public override IReadOnlyList<Fault> Faults { get; } =
        [Hosting.Fault.ServerError, Hosting.Fault.ServerErrorBurst, Hosting.Fault.TooManyConcurrentRequests, Hosting.Fault.TruncatedBody, Hosting.Fault.SchemaDrift];
}
