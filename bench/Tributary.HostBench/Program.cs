using System.Globalization;
using Tributary.HostBench;
using Tributary.Testing;

// Local host benchmarks, one run, side by side. Usage: Tributary.HostBench [--starts N] [--calls N]
var starts = Option("--starts") ?? 5;
var calls = Option("--calls") ?? 200;
var work = Directory.CreateTempSubdirectory("tributary-hostbench-");
try
{
    await using var azurite = await AzuriteProcess.StartAsync();

    Console.WriteLine($"Cold start: local host process start to the first 200 from /api/health ({starts} runs each, alternating, after one warm-up)");
    var cold = await ColdStart.RunAsync(azurite, starts, work.FullName);
    foreach (var (name, stats) in cold) Console.WriteLine($"  {name,-12} {stats}");
    Console.WriteLine($"  ReadyToRun / JIT (median): {cold["ReadyToRun"].Median / cold["JIT"].Median:F2}");

    Console.WriteLine();
    Console.WriteLine($"Per-invocation overhead through the local host, ms ({calls} sequential calls each, warm)");
    var overhead = await InvocationOverhead.RunAsync(azurite, calls);
    foreach (var (name, stats) in overhead) Console.WriteLine($"  {name,-52} {stats}");
    var proxied = overhead.Single(o => o.Name.StartsWith("HTTP GET", StringComparison.Ordinal)).Stats.Median;
    var timer = overhead.Single(o => o.Name.StartsWith("timer", StringComparison.Ordinal)).Stats.Median;
    Console.WriteLine($"  HTTP through the host / timer round trip (median): {proxied / timer:F2}");
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

int? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
}
