using System.Text.Json;
using Microsoft.Playwright;
using Tributary.Testing;

namespace Tributary.Browser.Tests;

/// <summary>
/// One real local stack for every dashboard test: Azurite, the replay vendors, the local Functions host and worker
/// (every timer ran once at start, so the marts hold replayed data that went through the real stages), the built
/// dashboard served by the host, and one headless Chromium. Starting it takes a minute, so the tests share it.
/// </summary>
public sealed class DashboardStack : IAsyncLifetime
{
    public static readonly string WebRoot = RepoPaths.Combine("web", "dist");
    public static readonly string Artifacts = RepoPaths.Combine("TestResults", "screenshots");

    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    public PipelineHarness App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri Address => App.HostAddress;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(File.Exists(Path.Combine(WebRoot, "index.html")), $"The dashboard is not built at {WebRoot}: run 'npm ci && npm run build' in web/ (test.sh does).");
        await _azurite.InitializeAsync();
        App = await PipelineHarness.StartAsync(
            _azurite.ConnectionString,
            runTimersOnStartup: true,
            webRoot: WebRoot,
            // One browser makes every request from one address: the per-client limit is for the public, not for tests.
            handlerSettings: new Dictionary<string, string?> { ["RateLimit:PermitsPerMinute"] = "100000" },
            cancellationToken: ct);
        await PipelineSettledAsync(ct);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(ChromiumOptions());
    }

    /// <summary>
    /// Every timer ran at start, so curate and aggregate messages of many sources are in flight. Tests that compare
    /// what the page shows with the API need a quiet pipeline: wait until the default mart is complete for all three
    /// cities and no invocation has started for three seconds.
    /// </summary>
    private async Task PipelineSettledAsync(CancellationToken ct)
    {
        using var http = App.Client();
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (!await MartCompleteAsync(http, ct))
        {
            Assert.True(DateTime.UtcNow < deadline, "the first run did not reach the thermal-comfort mart for all three cities within 240 s");
            await Task.Delay(250, ct);
        }
        var count = App.Invocations.Snapshot().Count;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(3) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, ct);
            var now = App.Invocations.Snapshot().Count;
            if (now != count) (count, quietSince) = (now, DateTime.UtcNow);
        }
    }

    private static async Task<bool> MartCompleteAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync("api/kpis", ct);
        if (!response.IsSuccessStatusCode) return false;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("series").EnumerateArray()
            .Count(s => s.GetProperty("points").EnumerateArray().Count(p => p.GetProperty("value").ValueKind == JsonValueKind.Number) >= 60) == 3;
    }

    /// <summary>
    /// Opens the dashboard at <paramref name="hash"/> (e.g. <c>#/explore?kpi=thermal_comfort</c>) in a new context.
    /// <paramref name="beforeNavigation"/> runs on the blank page first (install a fake clock, block a route).
    /// </summary>
    public async Task<DashboardPage> OpenAsync(string hash = "", int width = 1280, int height = 800, Func<IPage, Task>? beforeNavigation = null, string? colorScheme = null, bool reducedMotion = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            ColorScheme = colorScheme switch { "dark" => ColorScheme.Dark, "light" => ColorScheme.Light, _ => ColorScheme.Light },
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
            TimezoneId = "UTC",
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(page, Address);
        if (beforeNavigation is not null) await beforeNavigation(page);
        await page.GotoAsync(new Uri(Address, "/" + hash).ToString());
        return dashboard;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    internal static BrowserTypeLaunchOptions ChromiumOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        // This machine has no network beyond loopback: keep Chromium from calling home.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--font-render-hinting=none"],
    };
}

/// <summary>The tests that share one <see cref="DashboardStack"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardStack>
{
    public const string Name = "Dashboard";
}
