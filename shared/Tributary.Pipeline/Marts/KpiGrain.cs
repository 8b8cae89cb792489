namespace Tributary.Marts;

/// <summary>The bucket a KPI value covers; both are UTC.</summary>
public enum KpiGrain
{
    /// <summary>[H, H+1h) in UTC.</summary>
    Hour,

    /// <summary>The UTC day [00:00, 24:00).</summary>
    Day,
}
