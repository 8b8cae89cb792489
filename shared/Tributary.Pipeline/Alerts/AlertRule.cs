using System.Text.Json.Serialization;

namespace Tributary.Alerts;

/// <summary>
/// One rule of <c>Alerts:Rules:N</c>. Which fields apply depends on <see cref="Kind"/>; <see cref="AlertsOptions"/>
/// validates them at start-up, naming the setting.
/// </summary>
public sealed class AlertRule
{
    /// <summary>Unique id of the rule (1-40 lower-case letters, digits or '-'); it keys the rule's incidents.</summary>
    public string Name { get; set; } = "";

    [JsonConverter(typeof(JsonStringEnumConverter<AlertKind>))]
    public AlertKind Kind { get; set; }

    /// <summary>KpiThreshold: the KPI id.</summary>
    public string? Kpi { get; set; }

    /// <summary>KpiThreshold: one city, or every city when absent.</summary>
    public string? City { get; set; }

    /// <summary>KpiThreshold: one stop place (with City), or the city-wide series when absent.</summary>
    public string? Stop { get; set; }

    /// <summary>KpiThreshold: <c>hour</c> (default) or <c>day</c>.</summary>
    public string Grain { get; set; } = "hour";

    /// <summary>KpiThreshold: breached when the value is above this (exactly one of Above and Below).</summary>
    public double? Above { get; set; }

    /// <summary>KpiThreshold: breached when the value is below this.</summary>
    public double? Below { get; set; }

    /// <summary>KpiThreshold: how many consecutive breaching buckets open an incident (1-168).</summary>
    public int Consecutive { get; set; } = 1;

    /// <summary>SourceStale, RunFailed, Drift: the source id.</summary>
    public string? Source { get; set; }

    /// <summary>SourceStale: the longest time without a fresh run (5 minutes to 31 days).</summary>
    public int? MaxAgeMinutes { get; set; }

    /// <summary>RunFailed: count a partly succeeded run (some items failed) as failed too.</summary>
    public bool IncludePartial { get; set; }
}
