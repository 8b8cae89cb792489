using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Tributary.Browser.Tests.Visual;

namespace Tributary.Browser.Tests;

/// <summary>
/// The overview against the real stack: a card per catalog KPI, each showing what the API says — its value, its
/// data-health badge (the sources behind its latest buckets with their freshness, quarantined records and drift, and
/// the KPI's coverage) linking to each source — for all cities or the city chosen (kept in the URL), and honest
/// states when a card's data is missing or its request fails.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OverviewTests(DashboardStack stack)
{
    private const string Comfort = "thermal_comfort";

    [Fact]
    public async Task Shows_a_card_per_kpi_with_a_drawn_sparkline_and_an_explore_link()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        using var catalog = JsonDocument.Parse(await http.GetStringAsync("api/v1/catalog", ct));
        var kpis = catalog.RootElement.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("id").GetString()!).ToList();

        await using var tab = await stack.OpenAsync("#/overview");
        await tab.WaitForPageAsync("overview");
        var cards = tab.Page.Locator("article.kpi-card");
        Assert.Equal(kpis.Count, await cards.CountAsync());
        foreach (var kpi in kpis) Assert.Equal(1, await tab.Page.Locator($"article.kpi-card[data-kpi='{kpi}']").CountAsync());

        var comfort = tab.Page.Locator($"article.kpi-card[data-kpi='{Comfort}']");
        Assert.Equal("ready", await comfort.GetAttributeAsync("data-state"));
        var path = await comfort.Locator("svg path").GetAttributeAsync("d") ?? "";
        Assert.True(path.Count(c => c == 'L') > 10, $"the sparkline has too few points: {path}");
        Assert.Contains($"#/explore?kpi={Comfort}", await comfort.Locator("h2 a").GetAttributeAsync("href"));
        await tab.KeepScreenshotAsync("overview");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Each_badge_shows_the_figures_of_the_apis_and_links_to_its_sources()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        // The sources answer the page itself read (the stack's, as sent): a scheduled run between the page's read and
        // a second one here could otherwise move a source's newest observation.
        string? sourcesText = null;
        await using var tab = await stack.OpenAsync("#/overview", beforeNavigation: p =>
        {
            p.Response += async (_, response) =>
            {
                if (response.Url.EndsWith("/api/v1/sources", StringComparison.Ordinal) && response.Status == 200) sourcesText ??= await response.TextAsync();
            };
            return Task.CompletedTask;
        });
        await tab.WaitForPageAsync("overview");
        Assert.NotNull(sourcesText);
        using var sourcesBody = JsonDocument.Parse(sourcesText);
        var sources = sourcesBody.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.Clone());

        using var catalog = JsonDocument.Parse(await http.GetStringAsync("api/v1/catalog", ct));
        foreach (var kpi in catalog.RootElement.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("id").GetString()!))
        {
            var card = tab.Page.Locator($"article.kpi-card[data-kpi='{kpi}']");
            if (await card.GetAttributeAsync("data-state") == "empty") continue;
            var window = await WindowAsync(card, "hour");

            // Coverage: the stats API's mean bucket coverage over the card's range.
            using var stats = JsonDocument.Parse(await http.GetStringAsync($"api/v1/kpis/{kpi}/stats?{window}", ct));
            var coverage = stats.RootElement.GetProperty("overall").GetProperty("meanCoverage").GetDouble();
            Assert.Equal(coverage, Number(await card.Locator("[data-figure='coverage']").GetAttributeAsync("data-raw")), 9);
            Assert.Equal($"{Math.Round(coverage * 100).ToString(CultureInfo.InvariantCulture)} %", await card.Locator("[data-figure='coverage']").InnerTextAsync());

            // The sources: those of each city's latest valued bucket, as the drill-down API names them.
            var expected = await SourcesOfLatestBucketsAsync(http, kpi, window, ct);
            var shown = await card.Locator("a.kpi-source").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.source)");
            Assert.Equal(expected, shown);
            var quarantined = 0;
            var drift = 0;
            foreach (var id in expected)
            {
                var source = sources[id];
                var link = card.Locator($"a.kpi-source[data-source='{id}']");
                Assert.Equal($"#/sources?source={id}", await link.GetAttributeAsync("href"));
                var newest = source.GetProperty("freshness").GetProperty("newestObservationUtc");
                var newestShown = await link.GetAttributeAsync("data-newest");
                if (newest.ValueKind == JsonValueKind.Null) Assert.Equal("", newestShown);
                else Assert.Equal(newest.GetDateTimeOffset(), DateTimeOffset.Parse(newestShown!, CultureInfo.InvariantCulture));
                var quality = source.GetProperty("quality");
                var sourceQuarantined = quality.GetProperty("rejected").GetInt32() + quality.GetProperty("failedPages").GetInt32();
                Assert.Equal(sourceQuarantined.ToString(CultureInfo.InvariantCulture), await link.GetAttributeAsync("data-quarantined"));
                Assert.Equal(source.GetProperty("drift").GetArrayLength().ToString(CultureInfo.InvariantCulture), await link.GetAttributeAsync("data-drift"));
                quarantined += sourceQuarantined;
                drift += source.GetProperty("drift").GetArrayLength();
            }
            Assert.Equal(quarantined.ToString(CultureInfo.InvariantCulture), await card.Locator("[data-figure='quarantined']").GetAttributeAsync("data-raw"));
            Assert.Equal(drift.ToString(CultureInfo.InvariantCulture), await card.Locator("[data-figure='drift']").GetAttributeAsync("data-raw"));
            var stale = expected.Any(id => sources[id].GetProperty("alerts").EnumerateArray()
                .Any(a => a.GetProperty("state").GetString() == "open" && a.TryGetProperty("kind", out var k) && k.GetString() == "SourceStale"));
            Assert.Equal(stale ? "stale" : "ready", await card.GetAttributeAsync("data-state"));
        }

        // A source link goes to the Sources page with that source chosen.
        var first = tab.Page.Locator($"article.kpi-card[data-kpi='{Comfort}'] a.kpi-source").First;
        var target = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await tab.Page.WaitForFunctionAsync("h => location.hash === h", target);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_city_select_shows_that_citys_values_from_the_api_and_keeps_it_in_the_url()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        await using var tab = await stack.OpenAsync("#/overview");
        await tab.WaitForPageAsync("overview");
        await tab.MarkDocumentAsync();
        var page = tab.Page;
        Assert.Equal("", await page.Locator("#overview-city").InputValueAsync());
        await Assertions.Expect(page.Locator("#overview-status")).ToContainTextAsync("all cities averaged");

        await page.Locator("#overview-city").SelectOptionAsync("bergen");
        await page.WaitForFunctionAsync("() => location.hash === '#/overview?city=bergen'");
        await tab.WaitForPageAsync("overview");
        await Assertions.Expect(page.Locator("#overview-status")).ToContainTextAsync("Bergen");
        var card = page.Locator($"article.kpi-card[data-kpi='{Comfort}']");
        await AssertLatestValueAsync(http, card, Comfort, "bergen", ct);
        var explore = await card.Locator("h2 a").GetAttributeAsync("href");
        Assert.Contains("city=bergen", explore);

        await page.Locator("#overview-city").SelectOptionAsync("oslo");
        await page.WaitForFunctionAsync("() => location.hash === '#/overview?city=oslo'");
        await tab.WaitForPageAsync("overview");
        await AssertLatestValueAsync(http, card, Comfort, "oslo", ct);
        await tab.AssertSameDocumentAsync();

        // The URL alone reopens the city.
        await using var fresh = await stack.OpenAsync("#/overview?city=trondheim");
        await fresh.WaitForPageAsync("overview");
        Assert.Equal("trondheim", await fresh.Page.Locator("#overview-city").InputValueAsync());
        await AssertLatestValueAsync(http, fresh.Page.Locator($"article.kpi-card[data-kpi='{Comfort}']"), Comfort, "trondheim", ct);

        // An unknown city is said, and all cities are shown.
        await using var unknown = await stack.OpenAsync("#/overview?city=atlantis");
        await unknown.WaitForPageAsync("overview");
        await Assertions.Expect(unknown.Page.Locator(".overview-notice")).ToHaveTextAsync("There is no city “atlantis”: all cities are shown averaged.");
        Assert.Equal("", await unknown.Page.Locator("#overview-city").InputValueAsync());
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_card_whose_request_fails_says_so_and_retries_while_the_others_show_their_figures()
    {
        var fail = true;
        await using var tab = await stack.OpenAsync("#/overview", beforeNavigation: p => p.RouteAsync("**/api/v1/kpis/pm25_aqi/series**", async route =>
        {
            if (fail) await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"title\":\"Service Unavailable\",\"status\":503}" });
            else await route.ContinueAsync();
        }));
        await tab.WaitForPageAsync("overview");
        var broken = tab.Page.Locator("article.kpi-card[data-kpi='pm25_aqi']");
        Assert.Equal("error", await broken.GetAttributeAsync("data-state"));
        await Assertions.Expect(broken.Locator("[role='alert']")).ToContainTextAsync("The API failed (503");
        Assert.Equal("ready", await tab.Page.Locator($"article.kpi-card[data-kpi='{Comfort}']").GetAttributeAsync("data-state"));

        fail = false;
        await broken.Locator(".kpi-retry").ClickAsync();
        await Assertions.Expect(broken).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(ready|stale|empty)$"));
        tab.AssertNoConsoleErrors("503");
    }

    [Fact]
    public async Task A_card_whose_source_is_stale_says_so_in_its_badge_source_and_foot()
    {
        // The pipeline marks a stale source with an open SourceStale alert in GET /api/v1/sources. The shared stack has
        // no staleness rule, so the real answer is passed through with one such alert added for the weather source:
        // everything else (catalog, series, stats, drill-down) is the stack's own.
        await using var tab = await stack.OpenAsync("#/overview", beforeNavigation: p => p.RouteAsync("**/api/v1/sources", async route =>
        {
            var response = await route.FetchAsync();
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            foreach (var source in body["sources"]!.AsArray())
            {
                if (source!["id"]!.GetValue<string>() != "open-meteo") continue;
                source["alerts"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["rule"] = "weather-stale", ["state"] = "open", ["sinceUtc"] = "2026-01-01T00:00:00Z",
                    ["detail"] = "'open-meteo' has had no fresh run for more than 90 minute(s).", ["kind"] = "SourceStale", ["source"] = "open-meteo",
                });
            }
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = body.ToJsonString() });
        }));
        await tab.WaitForPageAsync("overview");
        var card = tab.Page.Locator($"article.kpi-card[data-kpi='{Comfort}']");
        Assert.Equal("stale", await card.GetAttributeAsync("data-state"));
        await Assertions.Expect(card.Locator(".kpi-health-badge")).ToHaveTextAsync("⚠Source stale");
        var link = card.Locator("a.kpi-source[data-source='open-meteo']");
        Assert.Equal("true", await link.GetAttributeAsync("data-stale"));
        await Assertions.Expect(link).ToContainTextAsync("(stale,");
        await Assertions.Expect(card.Locator(".kpi-foot")).ToContainTextAsync("Stale: latest");
        // A KPI fed by other sources only is not stale.
        Assert.Equal("ready", await tab.Page.Locator("article.kpi-card[data-kpi='on_time_performance']").GetAttributeAsync("data-state"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task With_no_data_in_range_every_card_says_so_and_the_page_is_empty()
    {
        // A clock years before the replayed data: every card's 48 hours hold no bucket.
        await using var tab = await stack.OpenAsync("#/overview", beforeNavigation: p => p.Clock.InstallAsync(new() { TimeDate = new DateTime(2001, 1, 10, 12, 0, 0, DateTimeKind.Utc) }));
        await tab.WaitForPageAsync("overview", "empty");
        var card = tab.Page.Locator($"article.kpi-card[data-kpi='{Comfort}']");
        Assert.Equal("empty", await card.GetAttributeAsync("data-state"));
        await Assertions.Expect(card.Locator(".kpi-empty")).ToContainTextAsync("No bucket with a value between 2001-01-08 13:00 UTC and 2001-01-10 13:00 UTC.");
        await Assertions.Expect(card.Locator(".kpi-empty")).ToContainTextAsync("The KPI has data from");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_live_refresh_with_nothing_new_leaves_every_card_untouched()
    {
        // A clock five minutes into the current hour, so the 31 s tick cannot cross an hour and move the cards' range.
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, 5, 0, DateTimeKind.Utc);
        await using var tab = await stack.OpenAsync("#/overview", beforeNavigation: p => p.Clock.InstallAsync(new() { TimeDate = start }));
        await tab.WaitForPageAsync("overview");
        var page = tab.Page;
        var marked = await page.EvaluateAsync<int>("() => { const nodes = document.querySelectorAll('article.kpi-card > *'); nodes.forEach(n => n.__kept = true); return nodes.length; }");
        Assert.True(marked > 0);

        var ticked = await page.Locator("#live-status").GetAttributeAsync("data-updated");
        await page.Clock.RunForAsync(31_000);
        await page.WaitForFunctionAsync("t => (document.querySelector('#live-status').dataset.updated ?? '') !== (t ?? '')", ticked);
        // The tick re-read everything (answered 304 or with the same figures) and redrew nothing: no flicker.
        var kept = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('article.kpi-card > *')].filter(n => n.__kept === true).length");
        var total = await page.EvaluateAsync<int>("() => document.querySelectorAll('article.kpi-card > *').length");
        Assert.Equal(marked, total);
        Assert.Equal(marked, kept);
        Assert.Equal("ready", await tab.Root.GetAttributeAsync("data-state"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Cards_keep_their_size_from_skeleton_to_figures()
    {
        // Hold the series answers so the skeletons can be measured, then let them through.
        var release = new TaskCompletionSource();
        await using var tab = await stack.OpenAsync("#/overview", beforeNavigation: p => p.RouteAsync("**/api/v1/kpis/*/series**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        }));
        var card = tab.Page.Locator($"article.kpi-card[data-kpi='{Comfort}'][data-state='loading']");
        await card.WaitForAsync();
        Assert.Equal("true", await card.GetAttributeAsync("aria-busy"));
        var before = await card.BoundingBoxAsync();
        release.SetResult();
        await tab.WaitForPageAsync("overview");
        var after = await tab.Page.Locator($"article.kpi-card[data-kpi='{Comfort}']").BoundingBoxAsync();
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(before!.Y, after!.Y, 0.5);
        Assert.Equal(before.Height, after.Height, 0.5);
        tab.AssertNoConsoleErrors();
    }

    [Theory]
    [Trait("Category", VisualBaseline.Category)]
    [InlineData(1280, 800, "overview-desktop")]
    [InlineData(390, 844, "overview-phone")]
    public async Task The_overview_looks_as_committed(int width, int height, string baseline)
    {
        await using var tab = await stack.OpenAsync("#/overview", width, height, reducedMotion: true);
        await tab.WaitForPageAsync("overview");
        var page = tab.Page;
        await page.EvaluateAsync("() => document.fonts.ready");
        await tab.AssertFitsScreenAsync("the overview");
        await tab.KeepScreenshotAsync(baseline + "-unmasked");
        // Replayed data follows the clock: every figure, time, health level and source list is masked; the layout, titles
        // and labels are compared.
        await VisualBaseline.AssertMatchesAsync(page, baseline, masks:
        [
            page.Locator(".kpi-health-badge"),
            page.Locator(".kpi-figure dd"),
            page.Locator(".kpi-sources"),
            page.Locator(".kpi-value"),
            page.Locator(".kpi-change"),
            page.Locator(".kpi-spark"),
            page.Locator(".kpi-foot"),
            page.Locator(".kpi-stale"),
            page.Locator("#overview-status"),
            page.Locator("#live-status"),
        ]);
        tab.AssertNoConsoleErrors();
    }

    private static async Task<string> WindowAsync(ILocator card, string grain)
    {
        var from = await card.GetAttributeAsync("data-from");
        var to = await card.GetAttributeAsync("data-to");
        return $"grain={grain}&from={Uri.EscapeDataString(from!)}&to={Uri.EscapeDataString(to!)}";
    }

    private static async Task<string[]> SourcesOfLatestBucketsAsync(HttpClient http, string kpi, string window, CancellationToken ct)
    {
        using var series = JsonDocument.Parse(await http.GetStringAsync($"api/v1/kpis/{kpi}/series?{window}&maxPoints=96", ct));
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in series.RootElement.GetProperty("series").EnumerateArray())
        {
            var latest = s.GetProperty("points").EnumerateArray().Reverse().FirstOrDefault(p => p.GetProperty("value").ValueKind == JsonValueKind.Number);
            if (latest.ValueKind == JsonValueKind.Undefined) continue;
            var bucket = Uri.EscapeDataString(latest.GetProperty("t").GetString()!);
            using var drill = JsonDocument.Parse(await http.GetStringAsync($"api/v1/kpis/{kpi}/buckets/{bucket}/inputs?city={s.GetProperty("city").GetString()}&grain=hour&limit=50", ct));
            foreach (var o in drill.RootElement.GetProperty("observations").EnumerateArray()) ids.Add(o.GetProperty("source").GetString()!);
            foreach (var l in drill.RootElement.GetProperty("lineage").EnumerateArray()) ids.Add(l.GetProperty("blob").GetString()!.Split('/')[0]);
        }
        return [.. ids];
    }

    /// <summary>The card's value is the latest valued bucket of the API's series for that one city.</summary>
    private static async Task AssertLatestValueAsync(HttpClient http, ILocator card, string kpi, string city, CancellationToken ct)
    {
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "ready");
        var window = await WindowAsync(card, "hour");
        using var series = JsonDocument.Parse(await http.GetStringAsync($"api/v1/kpis/{kpi}/series?{window}&city={city}&maxPoints=96", ct));
        var only = Assert.Single(series.RootElement.GetProperty("series").EnumerateArray());
        Assert.Equal(city, only.GetProperty("city").GetString());
        var latest = only.GetProperty("points").EnumerateArray().Reverse().First(p => p.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.Equal(latest.GetProperty("value").GetDouble(), Number(await card.Locator(".kpi-value").GetAttributeAsync("data-value")), 9);
    }

    private static double Number(string? text) => double.Parse(text ?? "", CultureInfo.InvariantCulture);
}
