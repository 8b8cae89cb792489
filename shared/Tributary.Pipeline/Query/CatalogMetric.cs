using Tributary.Marts;

namespace Tributary.Query;

/// <summary>One KPI as <c>GET /api/catalog</c> lists it: what it is, what it reads, and how it can be asked for.</summary>
/// <param name="Unit">UCUM code; <c>1</c> is dimensionless.</param>
/// <param name="Grains">The <c>grain</c> values <c>/api/kpis</c> accepts for it: <c>hour</c>, <c>day</c>.</param>
/// <param name="Dimensions">The areas it is computed for: <c>city</c>, and <c>stopPlace</c> when <c>/api/kpis</c> accepts a <c>stop</c>.</param>
public sealed record CatalogMetric(
    string Id,
    string Name,
    string Unit,
    string Description,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Grains,
    IReadOnlyList<string> Dimensions)
{
    public static CatalogMetric From(KpiDefinition kpi) => new(
        kpi.Id, kpi.Name, kpi.Unit, kpi.Description, kpi.Inputs,
        [.. kpi.Grains.Select(g => g.Name())],
        [.. kpi.Dimensions.Select(d => d == KpiDimension.City ? "city" : "stopPlace")]);
}
