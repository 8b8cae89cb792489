using System.Diagnostics;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Rpc;
using Tributary.LocalHost.Worker;

namespace Tributary.LocalHost.Invocations;

/// <summary>
/// Sends <c>InvocationRequest</c>s to the running worker, as the host's dispatcher does: waits while the worker
/// (re)starts, fails at once for a function whose load failed, always sends a trace context (the worker needs one),
/// cancels on <c>functionTimeout</c> with an <c>InvocationCancel</c> and restarts the worker, and treats <c>Failure</c> and
/// <c>Cancelled</c> as failures. A worker that dies mid-invocation fails it; the trigger decides about retries.
/// </summary>
public sealed partial class FunctionInvoker(WorkerHost worker, HostConfiguration host, InvocationLog log, InvocationNames names, ILogger<FunctionInvoker> logger) : IFunctionInvoker
{
    public static string NewInvocationId() => Guid.NewGuid().ToString();

    public async Task<InvocationRecord> InvokeAsync(
        string functionName,
        IEnumerable<ParameterBinding> inputs,
        IEnumerable<KeyValuePair<string, TypedData>> triggerMetadata,
        CancellationToken cancellationToken,
        string? invocationId = null)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocationId ?? NewInvocationId(),
            // A fresh W3C trace per invocation; the worker reads trace_context unconditionally.
            TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
        };
        request.InputData.AddRange(inputs.Select(i => i.Clone()));
        foreach (var (key, value) in triggerMetadata) request.TriggerMetadata[key] = value.Clone();
        names.Add(request.InvocationId, functionName);
        var clock = Stopwatch.StartNew();
        InvocationRecord record;
        try
        {
            record = await SendAsync(functionName, request, clock, cancellationToken);
        }
        finally
        {
            names.Remove(request.InvocationId);
        }
        if (record.Succeeded) LogSucceeded(logger, functionName, record.InvocationId, record.Duration.TotalMilliseconds);
        else LogFailed(logger, functionName, record.InvocationId, record.Duration.TotalMilliseconds, record.Error);
        log.Add(record);
        return record;
    }

    /// <summary>Sends a recorded invocation again (new id, same inputs and metadata), as a replayed trigger would.</summary>
    public Task<InvocationRecord> ReplayAsync(InvocationRecord record, CancellationToken cancellationToken) =>
        InvokeAsync(record.FunctionName, record.Request.InputData, record.Request.TriggerMetadata, cancellationToken);

    private async Task<InvocationRecord> SendAsync(string functionName, InvocationRequest request, Stopwatch clock, CancellationToken cancellationToken)
    {
        InvocationRecord Failed(string error, InvocationResponse? response = null) =>
            new(request.InvocationId, functionName, request, false, error, clock.Elapsed, response);

        var state = await worker.ReadyAsync(cancellationToken);
        if (!state.Functions.TryGetValue(functionName, out var function)) return Failed($"No function named '{functionName}'.");
        if (state.LoadFailures.TryGetValue(functionName, out var loadError)) return Failed(loadError);
        request.FunctionId = function.FunctionId;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(host.FunctionTimeout);
        try
        {
            var response = await state.Channel.InvokeAsync(request, timeout.Token);
            return response.Result?.Status switch
            {
                StatusResult.Types.Status.Success => new InvocationRecord(request.InvocationId, functionName, request, true, null, clock.Elapsed, response),
                StatusResult.Types.Status.Cancelled => Failed("The invocation was cancelled.", response),
                _ => Failed(Describe(response.Result?.Exception), response),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // As the host: the cancel has been sent, and the process running the stuck function is recycled, since
            // nothing makes user code honour a cancellation token. The supervisor starts a new worker.
            LogRecycling(logger, functionName, request.InvocationId, host.FunctionTimeout);
            worker.Recycle(state);
            return Failed($"Timed out after functionTimeout {host.FunctionTimeout}; the worker was restarted.");
        }
        catch (WorkerUnavailableException ex)
        {
            return Failed($"The worker stopped during the invocation: {ex.Message}");
        }
    }

    private static string Describe(RpcException? exception) =>
        exception is null ? "The worker reported a failure without an exception." : $"{exception.Type}: {exception.Message}";

    [LoggerMessage(Level = LogLevel.Error, Message = "'{FunctionName}' (Id={InvocationId}) ran past functionTimeout {Timeout}; restarting the worker")]
    private static partial void LogRecycling(ILogger logger, string functionName, string invocationId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs:F0}ms)")]
    private static partial void LogSucceeded(ILogger logger, string functionName, string invocationId, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Executed '{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs:F0}ms): {Error}")]
    private static partial void LogFailed(ILogger logger, string functionName, string invocationId, double durationMs, string? error);
}
