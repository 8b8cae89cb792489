namespace Tributary.Replay.OpenMeteo;

/// <summary>Open-Meteo replay settings, bound from <c>Replay:OpenMeteo</c>. Limits of 0 switch a limit off.</summary>
internal sealed class OpenMeteoOptions
{
    public const string SectionName = "Replay:OpenMeteo";

    /// <summary>Weighted calls per client IP per clock minute (the vendor's free tier: 600).</summary>
    public int MinutelyLimit { get; set; } = 600;

    /// <summary>Weighted calls per client IP per clock hour (the vendor's free tier: 5 000).</summary>
    public int HourlyLimit { get; set; } = 5_000;

    /// <summary>Weighted calls per client IP per UTC day (the vendor's free tier: 10 000).</summary>
    public int DailyLimit { get; set; } = 10_000;

    /// <summary>Initial fault mode: <c>none</c>, <c>server-error</c> or <c>too-many-concurrent-requests</c>.</summary>
    public string Fault { get; set; } = OpenMeteoFaults.NoneName;

    /// <summary>
    /// How many days the reanalysis archive lags behind now: archive hours later than that are <c>null</c>,
    /// like ERA5's trailing nulls. 0 serves the archive right up to the current hour.
    /// </summary>
    public int ArchiveLagDays { get; set; } = 5;
}
