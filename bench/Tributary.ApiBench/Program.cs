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
    // wrk is one client on loopback: the per-client rate limit (300 a minute by default) would answer nearly every
    // request with 429, so it is off here; everything else (admin gate, limits, compression, ETags) runs as deployed.
    await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, webRoot: webRoot.FullName,
        handlerSettings: new Dictionary<string, string?> { ["RateLimit:Enabled"] = "false" });
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
    // The same series from the old route, which reads the mart on every request (no read cache): what the cache saves.
    var uncached = new Uri(harness.HostAddress, $"api/kpis?metric={Kpi}&from={from}&to={to}");
    var targets = new (string Name, Uri Url)[]
    {
        ("v1 series (host -> worker -> mart cache)", api),
        ("static file, same bytes, same host", file),
        ("/api/kpis, same series, no read cache", uncached),
    };
    var results = targets.ToDictionary(t => t.Name, _ => new List<Wrk.Result>());
    // One short warm-up of each, so JIT and the mart cache are what a busy dashboard meets.
    foreach (var (_, url) in targets) await Wrk.RunAsync(url, 2, connections, 3, []);
    for (var round = 0; round < rounds; round++)
    {
        foreach (var (name, url) in targets) results[name].Add(await Wrk.RunAsync(url, 2, connections, seconds, []));
    }
    Console.WriteLine($"| {"target",-40} | req/s (best of {rounds}) | p50 ms | p99 ms | errors |");
    Console.WriteLine($"|{new string('-', 42)}|-----------------|--------|--------|--------|");
    var best = results.ToDictionary(r => r.Key, r => r.Value.MaxBy(x => x.RequestsPerSecond)!);
    foreach (var (name, r) in best)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name,-40} | {r.RequestsPerSecond,15:F0} | {r.P50Ms,6:F2} | {r.P99Ms,6:F2} | {r.Errors,6} |"));
    }
    var (apiBest, fileBest, uncachedBest) = (best[targets[0].Name], best[targets[1].Name], best[targets[2].Name]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"v1 series / static: throughput {apiBest.RequestsPerSecond / fileBest.RequestsPerSecond:F2}, p50 {apiBest.P50Ms / fileBest.P50Ms:F2}x, p99 {apiBest.P99Ms / fileBest.P99Ms:F2}x"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"v1 series (cached) / uncached route: throughput {apiBest.RequestsPerSecond / uncachedBest.RequestsPerSecond:F2}, p50 {apiBest.P50Ms / uncachedBest.P50Ms:F2}x"));
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
