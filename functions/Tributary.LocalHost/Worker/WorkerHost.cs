using System.Net.Sockets;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Worker;

/// <summary>
/// Starts the worker and keeps it running, as the host's worker channel and dispatcher do: serve gRPC, start the
/// process, wait for <c>StartStream</c>, <c>WorkerInit</c>, ask for the function metadata (worker indexing; first
/// start only), load every function, then hand the live state to invocations. A worker that exits with any code
/// but 0 or fails its start-up is an error: in-flight invocations fail (their triggers retry them), and a new
/// process with a new worker id starts, spaced by the restart interval. More than three errors with less than
/// 30 minutes between them stop the host, as the host's error budget does. On shutdown the worker gets a
/// <c>WorkerTerminate</c> and 5 s to exit before it is killed.
/// </summary>
public sealed partial class WorkerHost(
    LocalHostOptions options,
    WorkerConfig config,
    AppSettings settings,
    WorkerChannels channels,
    WorkerLogForwarder logs,
    GrpcServer grpc,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WorkerHost> logger) : BackgroundService
{
    public const string HostVersion = "4.1040.0-tributary-local";
    private const int ErrorBudget = 3;
    private static readonly TimeSpan ErrorWindow = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan StartStreamTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource<IReadOnlyList<FunctionMetadata>> _functions = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private TaskCompletionSource<WorkerState> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WorkerState? _current;

    /// <summary>
    /// Raised once, synchronously, when the first start has loaded the functions and before <see cref="Functions"/>
    /// completes, so whatever routes them (HTTP endpoints) is in place before anyone is told the host is ready.
    /// </summary>
    public event Action<IReadOnlyList<FunctionMetadata>>? Indexed;

    /// <summary>The functions the worker indexed, once its first start has loaded them.</summary>
    public Task<IReadOnlyList<FunctionMetadata>> Functions => _functions.Task;

    /// <summary>How many worker processes have been started (1 until the first restart).</summary>
    public int Starts { get; private set; }

    /// <summary>The running worker, or the next one while it restarts.</summary>
    public Task<WorkerState> ReadyAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return _ready.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Takes a worker out of service at once (new invocations wait for its successor) and kills it; the supervisor
    /// sees the exit and starts the next one. For a worker stuck in user code past <c>functionTimeout</c>.
    /// </summary>
    public void Recycle(WorkerState state)
    {
        Unpublish(state);
        state.Process.Kill();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.WorkerIndexing)
        {
            throw new InvalidOperationException($"{WorkerConfig.FileName}: workerIndexing is off; the local host indexes functions through the worker only.");
        }
        await grpc.StartAsync(stoppingToken);
        IReadOnlyList<RpcFunctionMetadata>? metadata = null;
        var errors = 0;
        var lastError = DateTimeOffset.MinValue;
        var lastStart = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = lastStart + options.WorkerRestartInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
            lastStart = time.GetUtcNow();
            Starts++;
            var workerId = Guid.NewGuid().ToString();
            var channel = new WorkerChannel(workerId, logs, logger);
            channels.Add(channel);
            using var process = WorkerProcess.Start(config, options.AppRoot, grpc.Address, workerId, settings, logger);
            Exception? failure = null;
            try
            {
                var state = await StartAsync(config, channel, process, metadata, stoppingToken);
                metadata ??= state.Functions.Values.Select(f => f.Rpc).ToList();
                Publish(state);
                // A worker whose stream has ended can answer nothing, though its exit may not be seen for a while:
                // out of service at once (as the host's dispatcher drops the channel), so invocations wait for the
                // next worker instead of failing on this one, each failure costing its message a dequeue.
                _ = channel.Closed.ContinueWith(_ => Unpublish(state), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                var exitCode = await process.Exited.WaitAsync(stoppingToken);
                if (exitCode != 0) failure = new WorkerUnavailableException(CrashMessage(workerId, exitCode, process));
                else LogExitedCleanly(logger, workerId);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await TerminateAsync(channel, process);
                channel.Close(new WorkerUnavailableException("The host is stopping."));
                break;
            }
            catch (Exception ex) when (ex is WorkerUnavailableException or InvalidOperationException or TimeoutException)
            {
                failure = ex;
            }
            finally
            {
                Unpublish();
                channels.Remove(workerId);
            }
            process.Kill();
            var reason = failure ?? new WorkerUnavailableException($"Worker {workerId} exited.");
            channel.Close(reason);
            if (failure is null) continue;

            var now = time.GetUtcNow();
            errors = now - lastError > ErrorWindow ? 1 : errors + 1;
            lastError = now;
            LogWorkerError(logger, errors, ErrorBudget, failure.Message);
            if (errors > ErrorBudget)
            {
                LogErrorBudgetSpent(logger, ErrorBudget);
                _functions.TrySetException(failure);
                lifetime.StopApplication();
                break;
            }
        }
    }

    private async Task<WorkerState> StartAsync(WorkerConfig config, WorkerChannel channel, WorkerProcess process,
        IReadOnlyList<RpcFunctionMetadata>? knownMetadata, CancellationToken cancellationToken)
    {
        // A worker that dies during start-up must not leave us waiting for the full timeouts.
        using var died = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = process.Exited.ContinueWith(_ => died.Cancel(), TaskScheduler.Default);
        try
        {
            await channel.Connected.WaitAsync(StartStreamTimeout, died.Token);
            var init = await channel.InitializeAsync(new WorkerInitRequest
            {
                HostVersion = HostVersion,
                Capabilities = { ["MultiStream"] = "10" },
                WorkerDirectory = options.AppRoot,
                FunctionAppDirectory = options.AppRoot,
            }, options.InitializationTimeout, died.Token);
            Check(init.Result, "WorkerInitResponse");
            Uri? httpUri = null;
            if (init.Capabilities.TryGetValue("HttpUri", out var uri) && !Uri.TryCreate(uri, UriKind.Absolute, out httpUri))
            {
                throw new WorkerUnavailableException($"The worker reported an invalid HttpUri '{uri}'.");
            }
            LogInitialized(logger, channel.WorkerId, init.WorkerVersion, init.WorkerMetadata?.RuntimeVersion ?? "?", uri ?? "none");

            var metadata = knownMetadata;
            if (metadata is null)
            {
                var response = await channel.GetMetadataAsync(options.AppRoot, MetadataTimeout, died.Token);
                if (response.UseDefaultMetadataIndexing)
                {
                    throw new WorkerUnavailableException("The worker asked for host indexing (use_default_metadata_indexing); the local host supports worker indexing only.");
                }
                Check(response.Result, "FunctionMetadataResponse");
                metadata = response.FunctionMetadataResults.ToList();
            }
            var functions = metadata.Select(FunctionMetadata.From).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
            var failures = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            // Disabled functions load last, as in the host.
            var order = functions.Values.OrderBy(f => options.IsDisabled(settings, f.Name)).ToList();
            var loads = order.Select(f => (f, channel.LoadAsync(f.Rpc, died.Token))).ToList();
            foreach (var (function, load) in loads)
            {
                var result = (await load).Result;
                if (result?.Status != StatusResult.Types.Status.Success)
                {
                    failures[function.Name] = $"Function '{function.Name}' failed to load: {result?.Exception?.Message ?? result?.Result ?? "no result"}";
                    LogLoadFailed(logger, function.Name, failures[function.Name]);
                }
            }
            if (httpUri is not null && functions.Values.Any(f => f.IsHttp))
            {
                await WaitForListenerAsync(httpUri, died.Token);
            }
            LogLoaded(logger, channel.WorkerId, functions.Count - failures.Count, functions.Count);
            if (!_functions.Task.IsCompleted) Indexed?.Invoke(order);
            _functions.TrySetResult(order);
            return new WorkerState(channel, process, functions, failures, httpUri, init.Capabilities.ToDictionary());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var exitCode = process.Exited.IsCompleted ? process.Exited.Result : (int?)null;
            throw new WorkerUnavailableException(exitCode is { } code
                ? CrashMessage(channel.WorkerId, code, process)
                : $"Worker {channel.WorkerId} did not start in time.");
        }
    }

    /// <summary>
    /// The worker may report its HttpUri before its Kestrel listens; the host retries refused connections, and
    /// waiting for the port once here spares every first request that retry.
    /// </summary>
    private static async Task WaitForListenerAsync(Uri httpUri, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(httpUri.Host, httpUri.Port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private async Task TerminateAsync(WorkerChannel channel, WorkerProcess process)
    {
        if (process.Exited.IsCompleted) return;
        try
        {
            channel.Terminate(TerminateGrace);
            await process.Exited.WaitAsync(TerminateGrace);
            LogTerminated(logger, channel.WorkerId);
        }
        catch (Exception ex) when (ex is TimeoutException or WorkerUnavailableException)
        {
            LogKilled(logger, channel.WorkerId);
            process.Kill();
        }
    }

    private void Publish(WorkerState state)
    {
        lock (_gate)
        {
            _current = state;
            _ready.TrySetResult(state);
        }
    }

    /// <summary>Takes the current worker out of service; with <paramref name="only"/>, only if that one is still current.</summary>
    private void Unpublish(WorkerState? only = null)
    {
        lock (_gate)
        {
            if (only is not null && !ReferenceEquals(_current, only)) return;
            _current = null;
            if (_ready.Task.IsCompleted) _ready = new TaskCompletionSource<WorkerState>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static void Check(StatusResult? result, string message)
    {
        if (result?.Status == StatusResult.Types.Status.Success) return;
        throw new WorkerUnavailableException($"The worker's {message} was not a success: {result?.Exception?.Message ?? result?.Result ?? "no result"}");
    }

    private static string CrashMessage(string workerId, int exitCode, WorkerProcess process) =>
        $"Worker {workerId} exited with code {exitCode}." +
        (process.RecentErrors.Count > 0 ? " Last errors:\n" + string.Join('\n', process.RecentErrors) : "");

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} initialised: worker {WorkerVersion} on .NET {RuntimeVersion}, HttpUri {HttpUri}")]
    private static partial void LogInitialized(ILogger logger, string workerId, string workerVersion, string runtimeVersion, string httpUri);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} loaded {Loaded} of {Total} functions")]
    private static partial void LogLoaded(ILogger logger, string workerId, int loaded, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName}: {Error}")]
    private static partial void LogLoadFailed(ILogger logger, string functionName, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker error {Errors} of {Budget} allowed; restarting the worker: {Error}")]
    private static partial void LogWorkerError(ILogger logger, int errors, int budget, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The worker failed more than {Budget} times with less than 30 minutes between failures; stopping the host")]
    private static partial void LogErrorBudgetSpent(ILogger logger, int budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} exited with code 0")]
    private static partial void LogExitedCleanly(ILogger logger, string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} stopped after WorkerTerminate")]
    private static partial void LogTerminated(ILogger logger, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {WorkerId} did not stop within the grace period; killed")]
    private static partial void LogKilled(ILogger logger, string workerId);
}
