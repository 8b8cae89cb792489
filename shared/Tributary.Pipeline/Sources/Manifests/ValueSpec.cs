namespace Tributary.Sources.Manifests;

/// <summary>Whether a value's time label is the start or the end of the period it covers.</summary>
public enum PeriodLabel
{
    Start,
    End,
}

/// <summary>
/// One measured value of a record: the field, the canonical metric and UCUM unit it becomes, the unit the vendor
/// writes it in (declared, or read from the payload), the period it covers and its plausible range.
/// </summary>
public sealed class ValueSpec
{
    /// <summary>Dotted path inside a record (for <see cref="RecordLayout.Columns"/>, the column name).</summary>
    public string Field { get; set; } = "";

    /// <summary>Canonical metric id (snake_case; part of table keys), e.g. <c>air_temperature</c>.</summary>
    public string Metric { get; set; } = "";

    /// <summary>Canonical UCUM unit of the metric, e.g. <c>Cel</c>, <c>m/s</c>, <c>ug/m3</c>.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The unit the vendor writes, as it spells it (<c>°C</c>, <c>km/h</c>, <c>μg/m³</c>); default the canonical unit.</summary>
    public string? VendorUnit { get; set; }

    /// <summary>Dotted path from the page root to the unit the page says it used (<c>hourly_units.wind_speed_10m</c>); wins over <see cref="VendorUnit"/>.</summary>
    public string? UnitField { get; set; }

    /// <summary>Molar mass in g/mol, for converting a mass concentration (<c>ug/m3</c>) to a mixing ratio (<c>[ppm]</c>) at 25 °C and 1 atm.</summary>
    public double? MolarMass { get; set; }

    /// <summary>0 for an instantaneous value; otherwise the length of the period the value covers (3600 for an hourly sum).</summary>
    public int PeriodSeconds { get; set; }

    /// <summary>Which end of its period the time label names; an end label is moved back to the period's start.</summary>
    public PeriodLabel Label { get; set; } = PeriodLabel.Start;

    /// <summary>Values below are kept and flagged <c>OutOfRange</c>.</summary>
    public double? Min { get; set; }

    /// <summary>Values above are kept and flagged <c>OutOfRange</c>.</summary>
    public double? Max { get; set; }
}
