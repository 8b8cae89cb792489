using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Handler;

/// <summary>
/// Starts the custom handler as the host does: <c>defaultExecutablePath</c> with its arguments, the app settings as
/// environment variables plus <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (a free port), then polls <c>GET /</c> until any
/// response. When <see cref="LocalHostOptions.HandlerUrl"/> is set, it only waits for that address to answer.
/// </summary>
public sealed partial class HandlerProcess(
    LocalHostOptions options,
    HostConfiguration host,
    AppSettings settings,
    HandlerEndpoint endpoint,
    IHttpClientFactory clients,
    ILogger<HandlerProcess> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan InitializationTimeout = TimeSpan.FromSeconds(60);
    private Process? _process;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var address = options.HandlerUrl ?? StartProcess();
            await WaitUntilAnswersAsync(address, cancellationToken);
            endpoint.SetReady(address);
            LogReady(logger, address);
        }
        catch (Exception ex)
        {
            endpoint.SetFailed(ex);
            throw;
        }
    }

    private Uri StartProcess()
    {
        var port = FreePort();
        var executable = Path.IsPathRooted(host.ExecutablePath) || !File.Exists(Path.Combine(options.AppRoot, host.ExecutablePath))
            ? host.ExecutablePath
            : Path.GetFullPath(Path.Combine(options.AppRoot, host.ExecutablePath));
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(options.AppRoot, host.WorkingDirectory ?? ".")),
            UseShellExecute = false,
        };
        foreach (var argument in host.Arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in settings.Values) start.Environment[name] = value;
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_HTTPWORKER_PORT"] = start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"];
        start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        start.Environment["FUNCTIONS_APP_ROOT_PATH"] = Path.GetFullPath(options.AppRoot);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the handler '{executable}'.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Could not start the handler '{executable}' (host.json customHandler.description.defaultExecutablePath): {ex.Message}", ex);
        }
        LogStarted(logger, executable, _process.Id, port);
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private async Task WaitUntilAnswersAsync(Uri address, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(nameof(HandlerProcess));
        var deadline = DateTime.UtcNow + InitializationTimeout;
        while (true)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"The handler exited with code {_process.ExitCode} before it answered GET /. See its output above.");
            }
            try
            {
                using var response = await http.GetAsync(address, cancellationToken);
                return; // Any HTTP response means the handler is up, as in the host.
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _process?.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started handler {Executable} (pid {Pid}) on port {Port}")]
    private static partial void LogStarted(ILogger logger, string executable, int pid, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handler is answering at {Address}")]
    private static partial void LogReady(ILogger logger, Uri address);
}
