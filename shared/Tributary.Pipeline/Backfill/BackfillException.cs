namespace Tributary.Backfill;

/// <summary>A backfill request that cannot be planned as asked; the message names the parameter at fault.</summary>
public sealed class BackfillException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
