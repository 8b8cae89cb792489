using System.Globalization;
using Tributary.ApiBench;
using Tributary.Testing;

// API load benchmark, one run, side by side: a 3-day hourly series of every city from the KPI API (local host,
// worker, mart) against the same bytes as a static file from the same host. Usage:
//   Tributary.ApiBench [--seconds N] [--connections N] [--rounds N]
var seconds = Option("--seconds") ?? 10;
var connections = Option("--connections") ?? 16;
var rounds = Option("--rounds") ?? 2;
const string Kpi = "thermal_comfort";
var firstDay = new DateOnly(2026, 11, 20);
const int Days = 3;
var from = firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var to = firstDay.AddDays(Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

var webRoot = Directory.CreateTempSubdirectory("tributary-apibench-");
try
{
    await using var azurite = await AzuriteProcess.StartAsync();
    await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, webRoot: webRoot.FullName);
    var cities = new[] { "oslo", "bergen", "trondheim" };
    var rows = await MartSeed.WriteAsync(harness.Storage, Kpi, "1", cities, firstDay, Days);

    using var client = harness.Client();
    var apiPath = Environment.GetEnvironmentVariable("APIBENCH_PATH") ?? $"api/v1/kpis/{Kpi}/series?from={from}&to={to}";
    var api = new Uri(harness.HostAddress, apiPath);
    var response = await client.GetAsync(api);
    response.EnsureSuccessStatusCode();
    var body = await response.Content.ReadAsByteArrayAsync();
    await File.WriteAllBytesAsync(Path.Combine(webRoot.FullName, "series.json"), body);
    var file = new Uri(harness.HostAddress, "series.json");
    var copy = await client.GetByteArrayAsync(file);
    if (!copy.AsSpan().SequenceEqual(body)) throw new InvalidOperationException("The static copy differs from the API's answer.");

    Console.WriteLine($"API load: GET /{apiPath} ({rows} mart rows seeded, answer {body.Length:N0} bytes), wrk -t2 -c{connections} -d{seconds}s, {rounds} rounds alternating, identity coding");
    var results = new Dictionary<string, List<Wrk.Result>> { ["KPI API (host -> worker -> mart)"] = [], ["static file, same bytes, same host"] = [] };
    // One short warm-up of each, so JIT and the mart cache are what a busy dashboard meets.
    await Wrk.RunAsync(api, 2, connections, 3, []);
    await Wrk.RunAsync(file, 2, connections, 3, []);
    for (var round = 0; round < rounds; round++)
    {
        results["KPI API (host -> worker -> mart)"].Add(await Wrk.RunAsync(api, 2, connections, seconds, []));
        results["static file, same bytes, same host"].Add(await Wrk.RunAsync(file, 2, connections, seconds, []));
    }
    Console.WriteLine($"| {"target",-36} | req/s (best of {rounds}) | p50 ms | p99 ms | errors |");
    Console.WriteLine($"|{new string('-', 38)}|-----------------|--------|--------|--------|");
    var best = results.ToDictionary(r => r.Key, r => r.Value.MaxBy(x => x.RequestsPerSecond)!);
    foreach (var (name, r) in best)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name,-36} | {r.RequestsPerSecond,15:F0} | {r.P50Ms,6:F2} | {r.P99Ms,6:F2} | {r.Errors,6} |"));
    }
    var (apiBest, fileBest) = (best.Values.First(), best.Values.Last());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"API / static: throughput {apiBest.RequestsPerSecond / fileBest.RequestsPerSecond:F2}, p50 {apiBest.P50Ms / fileBest.P50Ms:F2}x, p99 {apiBest.P99Ms / fileBest.P99Ms:F2}x"));
    return 0;
}
finally
{
    webRoot.Delete(recursive: true);
}

int? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
}
