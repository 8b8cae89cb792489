using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Worker;

/// <summary>
/// Writes the worker's <c>RpcLog</c> messages into the host's log under the worker's own category (so the
/// host's logging filters, e.g. from host.json, apply to them), with the function and invocation they belong to.
/// </summary>
public sealed partial class WorkerLogForwarder(ILoggerFactory loggers, InvocationNames names)
{
    public void Write(RpcLog log)
    {
        var category = string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category;
        var logger = loggers.CreateLogger(category);
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (level == LogLevel.None || !logger.IsEnabled(level)) return;
        var exception = log.Exception is { } e && !string.IsNullOrEmpty(e.Message) ? $" {e.Type}: {e.Message}" : "";
        if (string.IsNullOrEmpty(log.InvocationId))
        {
            LogWorker(logger, level, log.Message, exception);
        }
        else
        {
            LogInvocation(logger, level, names.Get(log.InvocationId) ?? "?", log.InvocationId, log.Message, exception);
        }
    }

    [LoggerMessage(Message = "{Message}{Exception}")]
    private static partial void LogWorker(ILogger logger, LogLevel level, string message, string exception);

    [LoggerMessage(Message = "[{FunctionName} {InvocationId}] {Message}{Exception}")]
    private static partial void LogInvocation(ILogger logger, LogLevel level, string functionName, string invocationId, string message, string exception);
}
