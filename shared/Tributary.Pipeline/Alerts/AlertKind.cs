namespace Tributary.Alerts;

/// <summary>What an alert rule watches.</summary>
public enum AlertKind
{
    /// <summary>A KPI above or below a threshold for N consecutive buckets of a grain.</summary>
    KpiThreshold,

    /// <summary>No fresh run (a succeeded run, or one that landed pages) of a source for longer than MaxAgeMinutes.</summary>
    SourceStale,

    /// <summary>A source's latest run ended failed (or partly, with IncludePartial).</summary>
    RunFailed,

    /// <summary>A schema drift event was recorded for a source.</summary>
    Drift,
}
