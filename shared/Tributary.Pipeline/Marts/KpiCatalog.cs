using Tributary.Curation;
using Tributary.Storage;

namespace Tributary.Marts;

/// <summary>
/// The registered KPIs (<see cref="KpiServiceCollectionExtensions.AddKpi{TKpi}"/>), in registration order (the
/// dashboard's metric selector shows them in this order and opens on the first). Checked when it is built, at
/// start-up: ids unique and usable in table keys, at least one input and grain, and a stop-place dimension only
/// for KPIs with a stop-located input.
/// </summary>
public sealed class KpiCatalog
{
    private readonly Dictionary<string, KpiDefinition> _byId;

    public KpiCatalog(IEnumerable<KpiDefinition> kpis)
    {
        All = [.. kpis];
        var problems = All.SelectMany(Problems).ToList();
        problems.AddRange(All.GroupBy(k => k.Id).Where(g => g.Count() > 1).Select(g => $"KPI id '{g.Key}' is registered {g.Count()} times."));
        if (problems.Count > 0) throw new InvalidOperationException("The KPI catalog is invalid: " + string.Join(" ", problems));
        _byId = All.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<KpiDefinition> All { get; }

    public KpiDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The KPIs to recompute after a change: those reading one of <paramref name="metrics"/> (all of them when null,
    /// e.g. a message from before messages named their metrics), plus every stop-place KPI when the stop dimension
    /// changed, since it decides which stop place a quay belongs to.
    /// </summary>
    public IReadOnlyList<KpiDefinition> AffectedBy(IReadOnlyCollection<string>? metrics, bool stopDimensionChanged) =>
        metrics is null
            ? All
            : [.. All.Where(k => k.Inputs.Any(metrics.Contains) || (stopDimensionChanged && k.Dimensions.Contains(KpiDimension.StopPlace)))];

    private static IEnumerable<string> Problems(KpiDefinition kpi)
    {
        var at = $"KPI {kpi.GetType().Name}:";
        if (string.IsNullOrWhiteSpace(kpi.Id) || !kpi.Id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            yield return $"{at} Id '{kpi.Id}' must be snake_case (a-z, 0-9, _).";
        }
        if (string.IsNullOrWhiteSpace(kpi.Name)) yield return $"{at} Name is required.";
        if (string.IsNullOrWhiteSpace(kpi.Unit)) yield return $"{at} Unit (a UCUM code, '1' if dimensionless) is required.";
        if (kpi.Inputs.Count == 0) yield return $"{at} Inputs must name at least one metric.";
        if (kpi.Grains.Count == 0) yield return $"{at} Grains must name at least one grain.";
        if (!kpi.Dimensions.Contains(KpiDimension.City)) yield return $"{at} Dimensions must include City.";
        if (kpi.Dimensions.Contains(KpiDimension.StopPlace) && !kpi.Inputs.Any(StopLocatedMetrics.Contains))
        {
            yield return $"{at} Dimensions include StopPlace, but no input is stop-located ({string.Join(", ", StopLocatedMetrics.All)}).";
        }
        string? keyProblem = null;
        try
        {
            TableKey.Validate(kpi.Id);
        }
        catch (ArgumentException ex)
        {
            keyProblem = ex.Message;
        }
        if (keyProblem is not null) yield return $"{at} {keyProblem}";
    }
}
