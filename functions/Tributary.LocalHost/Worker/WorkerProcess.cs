using System.Diagnostics;
using System.Globalization;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Worker;

/// <summary>
/// One worker process, started as the host starts it: <c>&lt;executable&gt; &lt;arguments&gt; "&lt;worker path&gt;"
/// &lt;worker arguments&gt;</c>, then both the legacy and the <c>--functions-*</c> switches (the 2.x worker reads
/// only the latter), working directory the app folder, the app settings in its environment plus the host's own
/// variables. Its stdout and stderr go to the host log; the last stderr lines explain a crash.
/// </summary>
public sealed partial class WorkerProcess : IDisposable
{
    private const int KeptErrorLines = 20;
    private readonly Process _process;
    private readonly Queue<string> _errors = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process) => _process = process;

    public string WorkerId { get; private init; } = "";

    public int ProcessId => _process.Id;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public IReadOnlyList<string> RecentErrors
    {
        get
        {
            lock (_gate) return _errors.ToList();
        }
    }

    public static WorkerProcess Start(WorkerConfig config, string appRoot, Uri grpcUri, string workerId, AppSettings settings, ILogger logger)
    {
        var requestId = Guid.NewGuid().ToString();
        var info = new ProcessStartInfo(config.ExecutablePath)
        {
            WorkingDirectory = appRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in config.Arguments) info.ArgumentList.Add(argument);
        if (config.WorkerPath is not null) info.ArgumentList.Add(config.WorkerPath);
        foreach (var argument in config.WorkerArguments) info.ArgumentList.Add(argument);
        var maxMessageLength = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        string[] switches =
        [
            "--host", grpcUri.Host, "--port", grpcUri.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxMessageLength,
            "--functions-uri", grpcUri.AbsoluteUri, "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxMessageLength,
        ];
        foreach (var argument in switches) info.ArgumentList.Add(argument);

        // As Core Tools: every app setting in the worker's environment (names with ':' spelled with '__', which
        // .NET configuration reads back as ':'), then the variables the host itself sets.
        foreach (var (name, value) in settings.Values) info.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        info.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appRoot;
        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appRoot;
        info.Environment.TryAdd("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = config.Language;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process) { WorkerId = workerId };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line) LogStdout(logger, line);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            worker.KeepError(line);
            LogStderr(logger, line);
        };
        process.Exited += (_, _) =>
        {
            // WaitForExit flushes the redirected streams before the exit is reported.
            process.WaitForExit();
            worker._exited.TrySetResult(process.ExitCode);
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start the worker '{config.ExecutablePath}'.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        LogStarted(logger, process.Id, workerId, config.ExecutablePath, string.Join(' ', info.ArgumentList));
        return worker;
    }

    /// <summary>Kills the process (and its children) if it is still running.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private void KeepError(string line)
    {
        lock (_gate)
        {
            _errors.Enqueue(line);
            while (_errors.Count > KeptErrorLines) _errors.Dequeue();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started worker process {ProcessId} (worker id {WorkerId}): {Executable} {Arguments}")]
    private static partial void LogStarted(ILogger logger, int processId, string workerId, string executable, string arguments);

    [LoggerMessage(Level = LogLevel.Information, Message = "worker stdout: {Line}")]
    private static partial void LogStdout(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "worker stderr: {Line}")]
    private static partial void LogStderr(ILogger logger, string line);
}
