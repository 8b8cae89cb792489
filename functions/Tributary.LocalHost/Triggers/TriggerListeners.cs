using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Worker;

namespace Tributary.LocalHost.Triggers;

/// <summary>
/// Starts a listener for every enabled timer and queue function once the worker has loaded them all (invocations
/// before their load would fail); stops them on shutdown, before the worker stops.
/// </summary>
public sealed partial class TriggerListeners(
    WorkerHost worker,
    LocalHostOptions options,
    AppSettings settings,
    HostConfiguration host,
    StorageConnections storage,
    FunctionInvoker invoker,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<TriggerListeners>();
        IReadOnlyList<FunctionMetadata> functions;
        try
        {
            functions = (await worker.Functions.WaitAsync(stoppingToken)).Where(f => !options.IsDisabled(settings, f.Name)).ToList();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        var listeners = new List<Task>();
        var monitor = new Lazy<ScheduleMonitor>(() =>
            new ScheduleMonitor(storage.Blobs("AzureWebJobsStorage"), options.HostId, loggers.CreateLogger<ScheduleMonitor>()));
        // Build every listener first so that a bad schedule or queue name stops the host before anything runs.
        foreach (var function in functions)
        {
            switch (function.TriggerType.ToLowerInvariant())
            {
                case "timertrigger":
                    var timer = new TimerTrigger(function, settings, options.RunTimersOnStartup, monitor.Value, invoker, time, loggers.CreateLogger($"Timer.{function.Name}"));
                    LogTimer(logger, function.Name, timer.Expression);
                    listeners.Add(Task.Run(() => timer.RunAsync(stoppingToken), stoppingToken));
                    break;
                case "queuetrigger":
                    var queue = new QueueTrigger(function, settings, storage, host, invoker, time, loggers.CreateLogger($"Queue.{function.Name}"));
                    LogQueue(logger, function.Name, queue.QueueName);
                    listeners.Add(Task.Run(() => queue.RunAsync(stoppingToken), stoppingToken));
                    break;
                case "httptrigger":
                    break; // Routed by the HTTP pipeline (FunctionEndpoints).
                default:
                    LogUnsupported(logger, function.Name, function.TriggerType);
                    break;
            }
        }
        try
        {
            await Task.WhenAll(listeners);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName}: timerTrigger '{Schedule}'")]
    private static partial void LogTimer(ILogger logger, string functionName, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName}: queueTrigger on '{Queue}'")]
    private static partial void LogQueue(ILogger logger, string functionName, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FunctionName}: trigger type '{TriggerType}' is not supported by the local host; it will not run")]
    private static partial void LogUnsupported(ILogger logger, string functionName, string triggerType);
}
