namespace Tributary.Query;

/// <summary>A KPI query that cannot be answered as asked; the message names the parameter at fault.</summary>
public sealed class KpiQueryException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
