namespace Tributary.Query;

/// <summary>A query names something that does not exist (a KPI, a source, a bucket, a blob); the message names the parameter.</summary>
public sealed class QueryNotFoundException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
