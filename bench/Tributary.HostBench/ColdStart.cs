using System.Diagnostics;
using Tributary.Testing;

namespace Tributary.HostBench;

/// <summary>
/// Process start of the local host to the first 200 from <c>/api/health</c> (the host starts the worker, the
/// worker loads every function, the health function answers through the proxy), for a JIT build and a
/// ReadyToRun build of both host and app, published side by side and started alternately.
/// </summary>
public static class ColdStart
{
    public static async Task<IReadOnlyDictionary<string, Stats>> RunAsync(AzuriteProcess azurite, int runs, string workDir)
    {
        var builds = new Dictionary<string, (string Host, string App)>
        {
            ["JIT"] = await PublishAsync(workDir, "jit", readyToRun: false),
            ["ReadyToRun"] = await PublishAsync(workDir, "r2r", readyToRun: true),
        };
        var samples = builds.Keys.ToDictionary(k => k, _ => new List<double>());
        // One warm-up each (file cache), then alternate so machine noise falls on both alike.
        foreach (var (name, build) in builds) await StartToHealthyAsync(build, azurite);
        for (var i = 0; i < runs; i++)
        {
            foreach (var (name, build) in builds) samples[name].Add(await StartToHealthyAsync(build, azurite));
        }
        return samples.ToDictionary(p => p.Key, p => Stats.Of(p.Value));
    }

    private static async Task<(string Host, string App)> PublishAsync(string workDir, string name, bool readyToRun)
    {
        var host = Path.Combine(workDir, name, "host");
        var app = Path.Combine(workDir, name, "app");
        string[] extra = readyToRun ? ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"] : [];
        await DotnetAsync(["publish", RepoPaths.Combine("functions", "Tributary.LocalHost"), "-c", "Release", "-o", host, "--nologo", "-v", "quiet", .. extra]);
        await DotnetAsync(["publish", RepoPaths.Combine("functions", "Tributary.Functions"), "-c", "Release", "-o", app, "--nologo", "-v", "quiet", .. extra]);
        return (host, app);
    }

    private static async Task<double> StartToHealthyAsync((string Host, string App) build, AzuriteProcess azurite)
    {
        var port = FreePorts.Take(1)[0];
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // The publish output has no local.settings.json (it is never deployed): use the project's, as run.sh's build has it.
        var settings = RepoPaths.Combine("functions", "Tributary.Functions", "local.settings.json");
        foreach (var a in new[] { Path.Combine(build.Host, "Tributary.LocalHost.dll"), "--app-root", build.App, "--settings", settings, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                    if (response.IsSuccessStatusCode) return clock.Elapsed.TotalMilliseconds;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(10);
            }
            throw new TimeoutException("The local host did not answer /api/health within 120 s.");
        }
        finally
        {
            // SIGTERM: the host stops its worker with WorkerTerminate, as on Ctrl+C.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20))) process.Kill(entireProcessTree: true);
        }
    }

    private static async Task DotnetAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with {process.ExitCode}");
    }
}
