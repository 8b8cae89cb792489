namespace Tributary.Functions.Invocation;

/// <summary>
/// The handler's answer to the host. It is always a JSON object (an empty body would hang the invocation), and a
/// failure is a non-2xx status, which makes the host retry the queue message and finally poison it.
/// </summary>
public sealed record InvocationResult(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static InvocationResult Success(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}
