namespace Tributary.Marts;

/// <summary>
/// A KPI of the mart: one small class deriving from this plus one registration
/// (<see cref="KpiServiceCollectionExtensions.AddKpi{TKpi}"/>), as a source is a manifest plus a mapper. It declares
/// what it is and what it needs; <see cref="Compute"/> is a pure formula over one bucket's inputs, and the
/// aggregate stage does the reading, bucketing, lineage and writing.
/// </summary>
public abstract class KpiDefinition
{
    /// <summary>Stable snake_case id: part of table keys and of the API (<c>/api/kpis?metric=</c>).</summary>
    public abstract string Id { get; }

    public abstract string Name { get; }

    /// <summary>UCUM code of the value, e.g. <c>%</c>, <c>s</c>, <c>min</c>; <c>1</c> for dimensionless.</summary>
    public abstract string Unit { get; }

    public abstract string Description { get; }

    /// <summary>The canonical metrics (<see cref="Curation.Metrics"/>) the formula reads. A change to one of them recomputes this KPI.</summary>
    public abstract IReadOnlyList<string> Inputs { get; }

    /// <summary>The buckets it is computed at: hourly and per UTC day unless a KPI says otherwise.</summary>
    public virtual IReadOnlyList<KpiGrain> Grains { get; } = [KpiGrain.Hour, KpiGrain.Day];

    /// <summary>
    /// The areas it is computed for: always the city; also each stop place when an input is stop-located
    /// (<see cref="Curation.StopLocatedMetrics"/>).
    /// </summary>
    public abstract IReadOnlyList<KpiDimension> Dimensions { get; }

    /// <summary>The value of one bucket and area. At day grain the inputs are the whole day's, pooled.</summary>
    public abstract KpiResult Compute(KpiInputs inputs);
}
