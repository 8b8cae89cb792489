using System.Globalization;
using System.Text.Json;

namespace Tributary.Browser.Tests;

/// <summary>
/// The data quality page against the real stack: the figures it shows are those of GET /api/v1/quality/{source} for
/// the days it shows, a change of source or days redraws without a reload and lands in the URL, and a day's pages
/// are those of /pages.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class QualityTests(DashboardStack stack)
{
    private static readonly string[] Dimensions = ["score", "completeness", "uniqueness", "consistency", "validity", "timeliness", "volume"];

    [Fact]
    public async Task Shows_the_api_figures_of_each_day_in_the_chart_and_the_table()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        var source = await SourceWithQualityAsync(http, ct);

        await using var tab = await stack.OpenAsync($"#/quality?source={source}&range=last-7d");
        await tab.WaitForPageAsync("quality");
        var (from, to) = await ShownDaysAsync(tab);
        using var api = await QualityAsync(http, source, from, to, ct);
        var days = api.RootElement.GetProperty("days").EnumerateArray().ToList();
        Assert.NotEmpty(days);

        var rows = tab.Page.Locator("#quality-table tbody tr");
        Assert.Equal(days.Count, await rows.CountAsync());
        foreach (var day in days)
        {
            var row = tab.Page.Locator($"#quality-table tbody tr[data-day='{day.GetProperty("day").GetString()}']");
            foreach (var dimension in Dimensions)
            {
                var cell = row.Locator($"td[data-dimension='{dimension}']");
                var value = day.GetProperty(dimension);
                Assert.Equal(Figure(value), (await cell.InnerTextAsync()).Trim());
                var shown = await cell.GetAttributeAsync("data-value");
                if (value.ValueKind == JsonValueKind.Null) Assert.Equal("", shown);
                else Assert.Equal(value.GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture));
            }
            Assert.Equal(day.GetProperty("observations").GetInt32().ToString("N0", CultureInfo.GetCultureInfo("en-GB")), (await row.Locator("td[data-count='observations']").InnerTextAsync()).Trim());
            Assert.Equal(day.GetProperty("rejected").GetInt32().ToString("N0", CultureInfo.GetCultureInfo("en-GB")), (await row.Locator("td[data-count='rejected']").InnerTextAsync()).Trim());
        }

        var chart = tab.Page.Locator("#quality-chart");
        await tab.Page.WaitForFunctionAsync("() => Number(document.querySelector('#quality-chart').dataset.renderCount) >= 1");
        Assert.Equal(("ready", "7", days.Count.ToString(CultureInfo.InvariantCulture)),
            (await chart.GetAttributeAsync("data-state"), await chart.GetAttributeAsync("data-series"), await chart.GetAttributeAsync("data-days")));
        Assert.Equal((from, to), (await chart.GetAttributeAsync("data-from"), await chart.GetAttributeAsync("data-to")));
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.querySelector('#quality-chart canvas') !== null"), "no chart was drawn");
        await tab.KeepScreenshotAsync("quality");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Changing_the_source_or_the_days_redraws_without_a_reload_and_updates_the_url()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        var source = await SourceWithQualityAsync(http, ct);
        using var sources = JsonDocument.Parse(await http.GetStringAsync("api/v1/sources", ct));
        var other = sources.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).First(id => id != source);

        await using var tab = await stack.OpenAsync($"#/quality?source={source}");
        await tab.WaitForPageAsync("quality");
        await tab.MarkDocumentAsync();
        Assert.Equal("last-30d", await tab.Page.Locator("#quality-range").InputValueAsync());
        await tab.Page.WaitForFunctionAsync("() => Number(document.querySelector('#quality-chart').dataset.renderCount) >= 1");
        var renders = await RenderCountAsync(tab);

        // Another source: its figures, its URL.
        await tab.Page.Locator("#quality-source").SelectOptionAsync(other);
        await tab.Page.WaitForFunctionAsync("s => location.hash.includes('source=' + s)", other);
        await SettledOnAsync(tab, other);
        var (from, to) = await ShownDaysAsync(tab);
        using (var api = await QualityAsync(http, other, from, to, ct))
        {
            var count = api.RootElement.GetProperty("days").GetArrayLength();
            Assert.Equal(count == 0 ? "empty" : "ready", await tab.Root.GetAttributeAsync("data-state"));
            Assert.Equal(count, await tab.Page.Locator("#quality-table tbody tr").CountAsync());
        }

        // Back to the first source, then days that hold no quality rows: the empty state says so, in the chart's space.
        await tab.Page.Locator("#quality-source").SelectOptionAsync(source);
        await SettledOnAsync(tab, source);
        await tab.WaitForPageAsync("quality");
        // The table is filled at once; the chart finishes drawing a frame later.
        await tab.Page.WaitForFunctionAsync("n => Number(document.querySelector('#quality-chart').dataset.renderCount) > n", renders);
        var frame = await tab.Page.Locator(".quality-frame").BoundingBoxAsync();
        await tab.Page.Locator("#quality-range").SelectOptionAsync("custom");
        await tab.Page.Locator("#quality-from").FillAsync("2020-01-01");
        await tab.Page.Locator("#quality-to").FillAsync("2020-01-31");
        await tab.Page.WaitForFunctionAsync("() => location.hash.includes('from=2020-01-01') && location.hash.includes('to=2020-01-31')");
        await tab.WaitForPageAsync("quality", "empty");
        var empty = tab.Page.Locator(".quality-frame .state-block[data-kind='empty']");
        Assert.Contains($"No quality figures for {source} from 2020-01-01 to 2020-01-31", await empty.InnerTextAsync());
        Assert.Equal(frame!.Height, (await tab.Page.Locator(".quality-frame").BoundingBoxAsync())!.Height);

        // A typed range the API cannot take is not applied; the message names the field.
        await tab.Page.Locator("#quality-from").FillAsync("2020-02-10");
        Assert.Contains("From: 2020-02-10 is after the last day 2020-01-31", await tab.Page.Locator("#quality-range-error").InnerTextAsync());
        Assert.Equal("true", await tab.Page.Locator("#quality-from").GetAttributeAsync("aria-invalid"));
        Assert.Contains("from=2020-01-01", await tab.Page.EvaluateAsync<string>("() => location.hash"));

        // A preset again: data again, and the URL round-trips on reload.
        await tab.Page.Locator("#quality-range").SelectOptionAsync("last-7d");
        await tab.WaitForPageAsync("quality");
        await tab.AssertSameDocumentAsync();
        var hash = await tab.Page.EvaluateAsync<string>("() => location.hash");
        Assert.Contains("range=last-7d", hash);
        Assert.DoesNotContain("from=", hash);
        await tab.Page.ReloadAsync();
        await tab.WaitForPageAsync("quality");
        Assert.Equal((source, "last-7d"), (await tab.Page.Locator("#quality-source").InputValueAsync(), await tab.Page.Locator("#quality-range").InputValueAsync()));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_day_lists_the_pages_it_landed_as_the_api_does()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        var source = await SourceWithQualityAsync(http, ct);
        await using var tab = await stack.OpenAsync($"#/quality?source={source}&range=last-7d");
        await tab.WaitForPageAsync("quality");
        var day = await tab.Page.Locator("#quality-table tbody tr").Last.GetAttributeAsync("data-day");

        await tab.Page.Locator($"button.quality-pages-button[data-day='{day}']").ClickAsync();
        await tab.Page.Locator("#quality-pages[data-state='ready']").WaitForAsync();
        Assert.Contains($"day={day}", await tab.Page.EvaluateAsync<string>("() => location.hash"));
        Assert.Equal("quality-pages-title", await tab.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        using var pages = JsonDocument.Parse(await http.GetStringAsync($"api/v1/quality/{source}/pages?day={day}", ct));
        var blobs = pages.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("rawBlob").GetString()!).Order().ToList();
        var shown = await tab.Page.Locator("#quality-pages-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.blob)");
        Assert.Equal(blobs, shown.Order().ToList());

        // A page's raw payload opens from the list, and its way back returns here.
        var link = tab.Page.Locator("#quality-pages-table tbody tr a").First;
        Assert.Contains("#/raw?blob=", await link.GetAttributeAsync("href"));
        await tab.Page.Locator("#quality-pages-close").ClickAsync();
        Assert.True(await tab.Page.Locator("#quality-pages").IsHiddenAsync());
        Assert.DoesNotContain("day=", await tab.Page.EvaluateAsync<string>("() => location.hash"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Fits_a_phone_without_sideways_scrolling()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        var source = await SourceWithQualityAsync(http, ct);
        await using var tab = await stack.OpenAsync($"#/quality?source={source}&range=last-7d", width: 390, height: 844);
        await tab.WaitForPageAsync("quality");
        await tab.Page.WaitForFunctionAsync("() => Number(document.querySelector('#quality-chart').dataset.renderCount) >= 1");
        await tab.AssertFitsScreenAsync("the quality page");
        await tab.KeepScreenshotAsync("quality-phone");
        tab.AssertNoConsoleErrors();
    }

    /// <summary>The first source the API reports quality days for in its default range (the timers ran at start).</summary>
    internal static async Task<string> SourceWithQualityAsync(HttpClient http, CancellationToken ct)
    {
        using var sources = JsonDocument.Parse(await http.GetStringAsync("api/v1/sources", ct));
        foreach (var s in sources.RootElement.GetProperty("sources").EnumerateArray())
        {
            var id = s.GetProperty("id").GetString()!;
            using var quality = JsonDocument.Parse(await http.GetStringAsync($"api/v1/quality/{id}", ct));
            if (quality.RootElement.GetProperty("days").GetArrayLength() > 0) return id;
        }
        throw new InvalidOperationException("No source has quality rows after the first runs.");
    }

    private static async Task<JsonDocument> QualityAsync(HttpClient http, string source, string from, string to, CancellationToken ct) =>
        JsonDocument.Parse(await http.GetStringAsync($"api/v1/quality/{source}?from={from}&to={to}", ct));

    private static async Task<(string From, string To)> ShownDaysAsync(DashboardPage tab) =>
        (await tab.Page.Locator("#quality-from").InputValueAsync(), await tab.Page.Locator("#quality-to").InputValueAsync());

    private static async Task<int> RenderCountAsync(DashboardPage tab) =>
        int.Parse(await tab.Page.Locator("#quality-chart").GetAttributeAsync("data-render-count") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Waits until the caption names <paramref name="source"/> and the page is no longer loading.</summary>
    private static Task SettledOnAsync(DashboardPage tab, string source) =>
        tab.Page.WaitForFunctionAsync("s => (document.querySelector('#quality-caption h2')?.textContent ?? '').startsWith(s + ',') && document.querySelector('#page-root').dataset.state !== 'loading'", source);

    /// <summary>A share as the page writes it: one decimal of percent, an em dash for none.</summary>
    private static string Figure(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "—" : (value.GetDouble() * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
