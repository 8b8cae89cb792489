using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Tributary.Testing;

/// <summary>
/// A real Azurite (the npm package installed at the repository root) on free ports with in-memory storage, so test
/// classes never share state and runs never collide. <c>--disableTelemetry</c> matters: without it Azurite ignores
/// SIGTERM.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known, public development key (the same one UseDevelopmentStorage=true uses).
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public static string Executable =>
        Environment.GetEnvironmentVariable("AZURITE_PATH") is { Length: > 0 } path ? path : RepoPaths.Combine("node_modules", ".bin", "azurite");

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {Executable}. Run 'npm ci' at the repository root (the test script does).");
        }
        // A port found free can be taken by another test's server before Azurite binds it: then try other ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(cancellationToken);
            }
            catch (PortTakenException) when (attempt < 5)
            {
            }
        }
    }

    private sealed class PortTakenException(string message) : InvalidOperationException(message);

    private static async Task<AzuriteProcess> StartOnFreePortsAsync(CancellationToken cancellationToken)
    {
        var ports = FreePorts.Take(3);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--silent", "--disableTelemetry", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", ports[0].ToString(), "--queuePort", ports[1].ToString(), "--tablePort", ports[2].ToString(),
                 })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var azurite = new AzuriteProcess(process, ports[0], ports[1], ports[2]);
        process.OutputDataReceived += (_, e) => azurite.Append(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await azurite.WaitUntilListeningAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return azurite;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    // Waits for Azurite's own "successfully listening" line per port: a connection alone could reach another
    // process that took the port first.
    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var expected = new[] { BlobPort, QueuePort, TablePort }.Select(port => $"successfully listening at http://127.0.0.1:{port}").ToList();
        while (!expected.All(line => Output.Contains(line, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken); // Flushes the redirected output.
                var message = $"Azurite exited with code {_process.ExitCode}: {Output}";
                throw Output.Contains("EADDRINUSE", StringComparison.Ordinal) ? new PortTakenException(message) : new InvalidOperationException(message);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite did not listen on ports {BlobPort}, {QueuePort} and {TablePort} within {timeout.TotalSeconds} s: {Output}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
