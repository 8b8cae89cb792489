using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Worker;

/// <summary>
/// The host's side of one worker's <c>EventStream</c>. Requests are written through an outbound queue; responses
/// are matched by type and id, in whatever order the worker sends them (it answers each message on the thread
/// pool). Content-less messages (the worker's answer to a terminate or a cancel) are ignored. When the stream ends
/// every pending request fails, so callers never hang on a dead worker.
/// </summary>
public sealed partial class WorkerChannel(string workerId, WorkerLogForwarder logs, ILogger logger)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WorkerInitResponse> _init = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<FunctionMetadataResponse> _metadata = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionLoadResponse>> _loads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new(StringComparer.Ordinal);
    private volatile Exception? _failure;

    public string WorkerId { get; } = workerId;

    /// <summary>Completes when the worker has opened its stream with a matching <c>StartStream</c>.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the stream has ended, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Serves the stream until the worker ends it or the host stops.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        _connected.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAllAsync(responses, stop.Token);
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                Receive(requests.Current);
            }
            Close(new WorkerUnavailableException($"Worker {WorkerId} closed its stream."));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Grpc.Core.RpcException or InvalidOperationException)
        {
            // After a terminate the worker exits without ending the call cleanly: "The request stream was aborted."
            Close(new WorkerUnavailableException($"Worker {WorkerId}'s stream ended: {ex.Message}", ex));
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await writing;
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or Grpc.Core.RpcException)
            {
                // The stream is gone; nothing more can be written.
            }
        }
    }

    public async Task<WorkerInitResponse> InitializeAsync(WorkerInitRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Send(new StreamingMessage { WorkerInitRequest = request });
        return await Await(_init.Task, timeout, "WorkerInitResponse", cancellationToken);
    }

    public async Task<FunctionMetadataResponse> GetMetadataAsync(string appRoot, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Send(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appRoot } });
        return await Await(_metadata.Task, timeout, "FunctionMetadataResponse", cancellationToken);
    }

    public Task<FunctionLoadResponse> LoadAsync(RpcFunctionMetadata metadata, CancellationToken cancellationToken)
    {
        var pending = _loads.GetOrAdd(metadata.FunctionId, _ => new TaskCompletionSource<FunctionLoadResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        Send(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = metadata.FunctionId, Metadata = metadata } });
        return pending.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends an invocation and waits for its response; the caller owns the timeout.</summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_invocations.TryAdd(request.InvocationId, pending))
        {
            throw new InvalidOperationException($"Invocation id {request.InvocationId} is already in flight.");
        }
        try
        {
            if (_failure is { } failure) throw failure;
            Send(new StreamingMessage { InvocationRequest = request });
            return await pending.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // As the host: tell the worker, which cancels the function's token and still answers (ignored here).
            Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
            throw;
        }
        finally
        {
            _invocations.TryRemove(request.InvocationId, out _);
        }
    }

    public void Terminate(TimeSpan gracePeriod) =>
        Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(gracePeriod) } });

    /// <summary>Fails everything pending (the worker process is gone).</summary>
    public void Close(Exception reason)
    {
        _failure ??= reason;
        _outbound.Writer.TryComplete();
        _init.TrySetException(reason);
        _metadata.TrySetException(reason);
        foreach (var load in _loads.Values) load.TrySetException(reason);
        foreach (var invocation in _invocations.Values) invocation.TrySetException(reason);
        _connected.TrySetException(reason);
        _closed.TrySetResult();
    }

    private void Send(StreamingMessage message)
    {
        if (!_outbound.Writer.TryWrite(message))
        {
            throw _failure ?? new WorkerUnavailableException($"Worker {WorkerId}'s stream is closed.");
        }
    }

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
        {
            await responses.WriteAsync(message, cancellationToken);
        }
    }

    private void Receive(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                logs.Write(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                _init.TrySetResult(message.WorkerInitResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                _metadata.TrySetResult(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                var load = message.FunctionLoadResponse;
                _loads.GetOrAdd(load.FunctionId, _ => new TaskCompletionSource<FunctionLoadResponse>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(load);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                var response = message.InvocationResponse;
                if (_invocations.TryGetValue(response.InvocationId, out var pending)) pending.TrySetResult(response);
                else LogUnmatched(logger, WorkerId, response.InvocationId);
                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusRequest:
                Send(new StreamingMessage { RequestId = message.RequestId, WorkerStatusResponse = new WorkerStatusResponse() });
                break;
            case StreamingMessage.ContentOneofCase.None:
                break; // The worker's content-less answer to a terminate or a cancel.
            default:
                LogUnexpected(logger, WorkerId, message.ContentCase.ToString());
                break;
        }
    }

    private async Task<T> Await<T>(Task<T> pending, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new WorkerUnavailableException($"Worker {WorkerId} sent no {what} within {timeout.TotalSeconds:0} s.");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} answered invocation {InvocationId}, which is no longer awaited")]
    private static partial void LogUnmatched(ILogger logger, string workerId, string invocationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} sent an unexpected {Content} message; ignored")]
    private static partial void LogUnexpected(ILogger logger, string workerId, string content);
}
