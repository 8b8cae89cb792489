using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Invocations;

/// <summary>What a trigger needs from the host: run a function with these inputs and this trigger metadata.</summary>
public interface IFunctionInvoker
{
    Task<InvocationRecord> InvokeAsync(
        string functionName,
        IEnumerable<ParameterBinding> inputs,
        IEnumerable<KeyValuePair<string, TypedData>> triggerMetadata,
        CancellationToken cancellationToken,
        string? invocationId = null);
}
