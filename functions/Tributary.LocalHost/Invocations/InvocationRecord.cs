using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Invocations;

/// <summary>
/// One invocation the host made: the request it sent (inputs and trigger metadata, so a test can send the same
/// invocation again) and how it ended.
/// </summary>
public sealed record InvocationRecord(
    string InvocationId,
    string FunctionName,
    InvocationRequest Request,
    bool Succeeded,
    string? Error,
    TimeSpan Duration,
    InvocationResponse? Response)
{
    /// <summary>The exception type the worker reported for a failed invocation, if it got that far.</summary>
    public string? ExceptionType => Response?.Result?.Exception?.Type;
}
