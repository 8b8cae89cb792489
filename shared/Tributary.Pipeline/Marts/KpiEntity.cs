using Tributary.Storage;

namespace Tributary.Marts;

/// <summary>
/// A row of table <c>kpis</c> (keys: <see cref="KpiKeys"/>): one KPI value of one bucket and area, with how it was
/// made. Two columns hold JSON because they are open lists a fixed column cannot hold: <see cref="InputCounts"/>
/// and <see cref="Lineage"/>.
/// </summary>
public sealed record KpiEntity : StoredEntity
{
    public string Kpi { get; set; } = "";

    /// <summary><c>hour</c> or <c>day</c>.</summary>
    public string Grain { get; set; } = "";

    public string City { get; set; } = "";

    /// <summary>The stop place id of a stop-place row; absent (null) on city rows.</summary>
    public string? StopPlace { get; set; }

    public DateTimeOffset BucketStartUtc { get; set; }

    public int BucketSeconds { get; set; }

    /// <summary>Null when an input is missing; <see cref="Reason"/> then says which.</summary>
    public double? Value { get; set; }

    /// <summary>UCUM code.</summary>
    public string Unit { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>Observations of the KPI's input metrics in the bucket and area.</summary>
    public int Inputs { get; set; }

    /// <summary>Observations that entered the formula.</summary>
    public int Used { get; set; }

    /// <summary>The share (0..1) of the inputs that were usable, as the KPI defines it.</summary>
    public double Coverage { get; set; }

    /// <summary>Observations per input metric, as a JSON object in the KPI's input order, e.g. <c>{"departure_delay":12,"apparent_temperature":1}</c>.</summary>
    public string InputCounts { get; set; } = "{}";

    /// <summary>
    /// The raw pages the inputs were curated from, as a JSON array of <c>{"blob":…,"sha256":…}</c> in blob-name order,
    /// at most <see cref="KpiRows.MaxLineage"/> of them (<see cref="LineageBlobs"/> says how many there were).
    /// </summary>
    public string Lineage { get; set; } = "[]";

    /// <summary>How many distinct raw pages fed the bucket (may exceed the entries of <see cref="Lineage"/>).</summary>
    public int LineageBlobs { get; set; }
}
