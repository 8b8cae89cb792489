using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Tributary.Testing;

/// <summary>
/// A real Azurite (the npm package installed at the repository root) on free ports with in-memory storage, so test
/// classes never share state and runs never collide; or with its data in a folder, so it can be stopped and started
/// again on the same ports (an outage). <c>--disableTelemetry</c> matters: without it Azurite ignores SIGTERM.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known, public development key (the same one UseDevelopmentStorage=true uses).
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _output = new();
    private readonly string? _location;
    private Process _process = null!;

    private AzuriteProcess(int blobPort, int queuePort, int tablePort, string? location)
    {
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        _location = location;
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

    /// <param name="location">A folder for Azurite's data (kept across <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>); in memory when null.</param>
    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default, string? location = null)
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
                var ports = FreePorts.Take(3);
                var azurite = new AzuriteProcess(ports[0], ports[1], ports[2], location);
                await azurite.LaunchAsync(cancellationToken);
                return azurite;
            }
            catch (PortTakenException) when (attempt < 5)
            {
            }
        }
    }

    private sealed class PortTakenException(string message) : InvalidOperationException(message);

    /// <summary>Stops the process (an outage); with a data folder, <see cref="StartAgainAsync"/> brings the same data back.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        // SIGTERM, not a kill: Azurite saves its metadata database on the way out, so the data survives the outage.
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts Azurite again on the same ports and data folder.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (_location is null) throw new InvalidOperationException("An in-memory Azurite loses its data when stopped; start it with a location.");
        lock (_output) _output.Clear();
        return LaunchAsync(cancellationToken);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        int[] ports = [BlobPort, QueuePort, TablePort];
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", ports[0].ToString(), "--queuePort", ports[1].ToString(), "--tablePort", ports[2].ToString(),
                 })
        {
            start.ArgumentList.Add(arg);
        }
        if (_location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_location);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync(TimeSpan.FromSeconds(30), cancellationToken);
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
