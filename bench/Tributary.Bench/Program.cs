using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary;
using Tributary.Bench;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Sources.Connectors;
using Tributary.Storage;
using Tributary.Testing;

// How close does a paged pull get to a vendor's rate limit without exceeding it? The same pull runs three times
// against a metered vendor (limit N per fixed window), on real Azurite: with the proactive, persisted budget set to
// the vendor's limit; with no budget but reading the vendor's x-ratelimit headers; and naive (no budget, no headers:
// it only meets 429s and backs off).
const int Limit = 10;
var window = TimeSpan.FromSeconds(2);
const int Pages = 120;

await using var azurite = await AzuriteProcess.StartAsync();
await using var vendor = new MeteredVendor(Limit, window, Pages);
await vendor.StartAsync();

var rows = new List<string[]>();
foreach (var (name, budget, headers) in new[] { ("proactive budget", Limit, "XRateLimit"), ("headers only", 0, "XRateLimit"), ("naive retries", 0, "None") })
{
    vendor.Reset();
    var sourceId = "bench-" + name.Split(' ')[0];
    var settings = new Dictionary<string, string?>
    {
        [StorageNames.ConnectionSetting] = azurite.ConnectionString,
        ["Sources:Bench:Id"] = sourceId,
        ["Sources:Bench:BaseUrl"] = vendor.BaseUrl.ToString(),
        ["Sources:Bench:Request:Path"] = "/items",
        ["Sources:Bench:Paging:Kind"] = "PageNumber",
        ["Sources:Bench:Paging:SizeParameter"] = "limit",
        ["Sources:Bench:Paging:PageSize"] = "100",
        ["Sources:Bench:Paging:ItemsPath"] = "results",
        ["Sources:Bench:Paging:MaxPages"] = "1000",
        ["Sources:Bench:RateBudget:Requests"] = budget.ToString(),
        ["Sources:Bench:RateBudget:WindowSeconds"] = window.TotalSeconds.ToString(),
        ["Sources:Bench:RateBudget:Headers"] = headers,
        ["Sources:Bench:Resilience:MaxRetries"] = "10",
        ["Sources:Bench:Resilience:TotalTimeoutSeconds"] = "600",
    };
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
    services.AddLogging();
    services.AddTributaryPipeline(configuration);
    services.AddSingleton<ISourceMapper>(new NothingMapper(sourceId));
    await using var provider = services.BuildServiceProvider();
    foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);

    var stats = new FetchStats();
    var clock = Stopwatch.StartNew();
    var pages = 0;
    await foreach (var _ in provider.GetRequiredService<SourceRegistry>().Connector(sourceId).FetchAsync(new SourceRun(DateTimeOffset.UtcNow), stats, CancellationToken.None))
    {
        pages++;
    }
    clock.Stop();
    var achieved = pages / clock.Elapsed.TotalSeconds;
    rows.Add([name, pages.ToString(), stats.Requests.ToString(), vendor.Rejected.ToString(), $"{vendor.PeakPerWindow}/{Limit}",
        $"{vendor.MeanOfFullWindows / Limit:P0}", $"{clock.Elapsed.TotalSeconds:F1}", $"{achieved:F2}", $"{stats.RateLimitWait.TotalSeconds:F1}"]);
}

string[] header = ["scenario", "pages", "requests", "429s", "peak/window", "full-window use", "seconds", "pages/s", "budget wait s"];
var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
Console.WriteLine($"Paged pull of {Pages} pages against a vendor limit of {Limit} requests per {window.TotalSeconds:F0} s ({Limit / window.TotalSeconds:F1}/s):");
Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))));
foreach (var row in rows) Console.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
Console.WriteLine($"throughput ratio proactive/headers-only {double.Parse(rows[0][7]) / double.Parse(rows[1][7]):F2}, proactive/naive {double.Parse(rows[0][7]) / double.Parse(rows[2][7]):F2}; 429s: proactive {rows[0][3]}, headers-only {rows[1][3]}, naive {rows[2][3]}");

/// <summary>The benchmark measures fetching only.</summary>
internal sealed class NothingMapper(string sourceId) : ISourceMapper
{
    public string SourceId => sourceId;

    public Tributary.Quality.PayloadSchema Schema => Tributary.Quality.PayloadSchema.None;

    public MappingResult Map(Stream payload, RawPageContext context) => new([], Array.Empty<RejectedRecord>());
}
