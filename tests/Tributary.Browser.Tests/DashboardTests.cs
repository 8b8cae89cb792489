using Microsoft.Playwright;
using Tributary.Testing;

namespace Tributary.Browser.Tests;

/// <summary>
/// The dashboard in real Chromium, served by the local host over a pipeline that has really run: the chart must draw
/// replayed data that went through the timer, curate and aggregate stages. Screenshots are kept as test output.
/// </summary>
public sealed class DashboardTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string WebRoot = RepoPaths.Combine("web", "dist");
    private static readonly string Artifacts = RepoPaths.Combine("TestResults", "screenshots");

    [Fact]
    public async Task Dashboard_draws_the_kpi_chart_from_real_pipeline_data()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(File.Exists(Path.Combine(WebRoot, "index.html")), $"The dashboard is not built at {WebRoot}: run 'npm ci && npm run build' in web/ (the test script does).");
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: true, webRoot: WebRoot, cancellationToken: ct);
        await WaitForTheMartAsync(app, ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(ChromiumOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };

        await page.GotoAsync(app.HostAddress.ToString());
        var chart = page.Locator("#kpi-chart[data-state='ready']");
        await chart.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        var points = int.Parse(await chart.GetAttributeAsync("data-points") ?? "0");
        var series = int.Parse(await chart.GetAttributeAsync("data-series") ?? "0");
        Assert.Equal(3, series); // Oslo, Bergen and Trondheim.
        Assert.InRange(points, 3 * 60, 3 * 72);
        Assert.True(await page.Locator("#kpi-chart canvas").CountAsync() > 0, "ECharts drew no canvas");

        Directory.CreateDirectory(Artifacts);
        var screenshot = Path.Combine(Artifacts, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is suspiciously small");
        TestContext.Current.AddAttachment("dashboard screenshot", screenshot);

        // Unticking a city redraws without a page reload and keeps the choice in the URL.
        // (A marker on window survives only if the document is not reloaded; pushState navigations keep it.)
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await page.GetByLabel("Bergen").UncheckAsync();
        await page.Locator("#kpi-chart[data-state='ready'][data-series='2']").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        Assert.DoesNotContain("bergen", new Uri(page.Url).Query);
        Assert.Empty(consoleErrors);
    }

    /// <summary>
    /// Every source's timer ran at start, so aggregate messages of many sources are in flight: wait until the
    /// thermal-comfort series the page draws by default is complete for every city (what the chart must then show).
    /// </summary>
    private static async Task WaitForTheMartAsync(PipelineHarness app, CancellationToken ct)
    {
        using var http = app.Client();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var response = await http.GetAsync("api/kpis", ct);
            if (response.IsSuccessStatusCode)
            {
                using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var complete = body.RootElement.GetProperty("series").EnumerateArray()
                    .Count(s => s.GetProperty("points").EnumerateArray().Count(p => p.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Number) >= 60);
                if (complete == 3) return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the first run did not reach the mart for all three cities within 120 s");
            await Task.Delay(250, ct);
        }
    }

    internal static BrowserTypeLaunchOptions ChromiumOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        // This machine has no network beyond loopback: keep Chromium from calling home.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };
}
