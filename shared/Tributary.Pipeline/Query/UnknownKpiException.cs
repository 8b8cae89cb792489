namespace Tributary.Query;

/// <summary>A KPI id that the catalog does not list (answered 404, naming parameter <c>kpi</c>).</summary>
public sealed class UnknownKpiException(string message) : Exception(message)
{
    public const string Parameter = "kpi";
}
