namespace Tributary.Marts;

/// <summary>Settings of the KPI formulas, bound from <c>Tributary:Kpis</c> and validated at start-up.</summary>
public sealed class KpiOptions
{
    public const string SectionName = "Tributary:Kpis";

    /// <summary>The earliest a departure may leave and still be on time, in seconds (negative = early). Default -60: at most 1 min early.</summary>
    public double OnTimeEarliestSeconds { get; set; } = -60;

    /// <summary>The latest a departure may leave and still be on time, in seconds. Default 300: at most 5 min late.</summary>
    public double OnTimeLatestSeconds { get; set; } = 300;

    /// <summary>Returns the problems with the settings, each naming the setting at fault.</summary>
    public IEnumerable<string> Validate()
    {
        // The curated delays are validated to -1 h .. +4 h; a window outside that could never be met.
        if (OnTimeEarliestSeconds is < -3600 or > 0 || double.IsNaN(OnTimeEarliestSeconds))
        {
            yield return $"{SectionName}:OnTimeEarliestSeconds {OnTimeEarliestSeconds} must lie in -3600..0.";
        }
        if (OnTimeLatestSeconds is < 0 or > 14400 || double.IsNaN(OnTimeLatestSeconds))
        {
            yield return $"{SectionName}:OnTimeLatestSeconds {OnTimeLatestSeconds} must lie in 0..14400.";
        }
    }
}
