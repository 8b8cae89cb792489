using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Tributary.Browser.Tests;

/// <summary>
/// The drill-down path in real Chromium over the real stack: a KPI bucket's drill page shows what the API says, an
/// observation's raw page checks the SHA-256 of the exact bytes against the lineage, Back returns through the drill
/// to the exact page the drill was opened from; CSV payloads render as tables; broken links, missing pages, hostile
/// back links and an unreachable API each get their state. Buckets are found through the API, never by time of day.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DrillDownTests(DashboardStack stack)
{
    private const string Comfort = "thermal_comfort";
    private const string OnTime = "on_time_performance";
    private const string FailedRequest = "Failed to load resource";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bucket_drill_shows_the_api_figures_its_raw_page_matches_the_lineage_hash_and_back_returns_to_the_exact_explore_hash()
    {
        using var http = stack.App.Client();
        var bucket = await DrillData.BucketWithValueAsync(http, Comfort, Ct);
        const string back = "#/explore?kpi=thermal_comfort%2Con_time_performance&city=oslo%2Cbergen&grain=hour&from=2026-11-20&to=2026-11-22&chart=heatmap&heatmap=city-hour";
        var drillHash = bucket.DrillHash(back);

        await using var tab = await stack.OpenAsync(drillHash);
        var page = tab.Page;
        await tab.WaitForPageAsync("drill");
        // Read right after the page did: the stack is shared, and a later run could recompute the bucket.
        var api = await DrillData.InputsAsync(http, bucket, Ct);

        // The heading is the KPI's name and has the focus, so a screen reader starts there.
        Assert.Equal(api.GetProperty("name").GetString(), await page.Locator("#drill-title").InnerTextAsync());
        Assert.Equal("drill-title", await page.EvaluateAsync<string>("() => document.activeElement?.id"));
        await tab.KeepScreenshotAsync("drill-bucket");

        // The value, coverage and inputs are the API's.
        var value = page.Locator("#drill-value");
        Assert.Equal(api.GetProperty("value").GetDouble(), double.Parse(await value.GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture), 9);
        Assert.Equal(api.GetProperty("unit").GetString(), await value.GetAttributeAsync("data-unit"));
        Assert.Equal(api.GetProperty("coverage").GetDouble(), double.Parse(await page.Locator("#drill-coverage").GetAttributeAsync("data-coverage") ?? "", CultureInfo.InvariantCulture), 9);
        Assert.Equal(api.GetProperty("inputs").GetInt32().ToString(CultureInfo.InvariantCulture), await page.Locator("#drill-inputs").GetAttributeAsync("data-inputs"));
        Assert.Equal(api.GetProperty("used").GetInt32().ToString(CultureInfo.InvariantCulture), await page.Locator("#drill-inputs").GetAttributeAsync("data-used"));
        Assert.Contains("oslo", await page.Locator("#drill-city").InnerTextAsync());
        Assert.Contains(bucket.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC", await page.Locator("#drill-bucket").InnerTextAsync());

        // Input counts per metric, lineage and observations: the same sets as the API's.
        var counts = await page.Locator("#drill-counts tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.metric, r.dataset.count])");
        Assert.Equal(
            api.GetProperty("inputCounts").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}").Order(StringComparer.Ordinal),
            counts.Select(c => $"{c[0]}={c[1]}").Order(StringComparer.Ordinal));
        var lineage = await page.Locator("#drill-lineage li").EvaluateAllAsync<string[][]>("items => items.map(i => [i.dataset.blob, i.dataset.sha256])");
        Assert.Equal(
            api.GetProperty("lineage").EnumerateArray().Select(l => $"{l.GetProperty("blob").GetString()} {l.GetProperty("sha256").GetString()}"),
            lineage.Select(l => $"{l[0]} {l[1]}"));
        var observations = api.GetProperty("observations").EnumerateArray().ToList();
        Assert.NotEmpty(observations);
        var rows = await page.Locator("#drill-observations tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.rawBlob, r.dataset.rawSha256, r.dataset.record])");
        Assert.Equal(
            observations.Select(o => $"{o.GetProperty("rawBlob").GetString()} {o.GetProperty("rawSha256").GetString()} {o.GetProperty("sourceRecordKey").GetString()}"),
            rows.Select(r => $"{r[0]} {r[1]} {r[2]}"));

        // An observation's raw page: pretty JSON of the exact bytes, whose hash (computed in the browser) is the lineage's.
        var first = observations[0];
        var blob = first.GetProperty("rawBlob").GetString()!;
        var lineageSha = first.GetProperty("rawSha256").GetString()!;
        Assert.Contains(api.GetProperty("lineage").EnumerateArray(), l => l.GetProperty("blob").GetString() == blob && l.GetProperty("sha256").GetString() == lineageSha);
        await page.Locator("#drill-observations tbody tr").First.Locator(".raw-link").ClickAsync();
        await tab.WaitForPageAsync("raw");
        Assert.Equal("raw-title", await page.EvaluateAsync<string>("() => document.activeElement?.id"));
        Assert.Equal(blob, await page.Locator("#raw-name").InnerTextAsync());
        await tab.KeepScreenshotAsync("raw-json");

        var bytes = await DrillData.RawBytesAsync(http, blob, Ct);
        var apiSha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(lineageSha, apiSha);
        var raw = page.Locator("#raw");
        Assert.Equal("json", await raw.GetAttributeAsync("data-kind"));
        Assert.Equal(apiSha, await raw.GetAttributeAsync("data-sha256"));
        Assert.Equal(apiSha, await page.Locator("#raw-sha").InnerTextAsync());
        Assert.Equal(lineageSha, await page.Locator("#raw-expected").InnerTextAsync());
        Assert.Equal("true", await raw.GetAttributeAsync("data-hash-match"));
        Assert.Contains("Hash matches", await page.Locator("#raw-hash-badge").InnerTextAsync());
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), await raw.GetAttributeAsync("data-bytes"));
        Assert.StartsWith("application/json", await page.Locator("#raw-type").InnerTextAsync());

        var pretty = await page.Locator("#raw-pretty").TextContentAsync() ?? "";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(bytes), JsonNode.Parse(pretty)), "the pretty JSON is not the payload's JSON");
        Assert.Contains("\n  \"", pretty);

        // The raw text toggle shows the bytes as sent; the download is the exact bytes.
        await page.Locator("#raw-content button[data-view='text']").ClickAsync();
        Assert.Equal("true", await page.Locator("#raw-content button[data-view='text']").GetAttributeAsync("aria-pressed"));
        Assert.Equal(Encoding.UTF8.GetString(bytes), await page.Locator("#raw-text").TextContentAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#raw-download").ClickAsync());
        var saved = await File.ReadAllBytesAsync(await download.PathAsync(), Ct);
        Assert.Equal(apiSha, Convert.ToHexStringLower(SHA256.HashData(saved)));
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);

        // Back to the drill (the same hash), then Back by keyboard to Explore with every filter as it was.
        await page.Locator("#raw-back").ClickAsync();
        await tab.WaitForPageAsync("drill");
        Assert.Equal(drillHash, await Hash(page));
        Assert.Equal("drill-title", await page.EvaluateAsync<string>("() => document.activeElement?.id"));
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("drill-back", await page.EvaluateAsync<string>("() => document.activeElement?.id"));
        Assert.Equal("Back to Explore", (await page.Locator("#drill-back").InnerTextAsync()).Replace("←", "", StringComparison.Ordinal).Trim());
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#page-root[data-page='explore']").WaitForAsync();
        Assert.Equal(back, await Hash(page));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Show_more_lists_more_observations_of_a_truncated_bucket_and_keeps_the_limit_in_the_url()
    {
        using var http = stack.App.Client();
        var bucket = await DrillData.BucketWithValueAsync(http, OnTime, Ct, minInputs: 2);
        var api = await DrillData.InputsAsync(http, bucket, Ct);
        var total = api.GetProperty("observationsTotal").GetInt32();
        Assert.True(total >= 2, $"the on-time bucket {bucket.Start:O} has {total} observations");

        await using var tab = await stack.OpenAsync(bucket.DrillHash("#/explore?kpi=on_time_performance") + "&limit=1");
        var page = tab.Page;
        await tab.WaitForPageAsync("drill");
        var section = page.Locator("#drill-observations");
        Assert.Equal(("1", "true", total.ToString(CultureInfo.InvariantCulture)),
            (await section.GetAttributeAsync("data-shown"), await section.GetAttributeAsync("data-truncated"), await section.GetAttributeAsync("data-total")));
        Assert.Contains($"Showing 1 of {total.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} observations", await page.Locator("#drill-observations-count").InnerTextAsync());

        await page.Locator("#drill-show-more").ClickAsync();
        var expected = Math.Min(total, 501);
        await page.Locator($"#drill-observations[data-shown='{expected}']").WaitForAsync();
        await tab.WaitForPageAsync("drill");
        Assert.Equal(expected, await page.Locator("#drill-observations tbody tr").CountAsync());
        Assert.Contains("limit=501", await Hash(page));
        // The rows that came in are the API's, in its order; keyboard focus is on the first of them.
        var more = await DrillData.InputsAsync(http, bucket, Ct, limit: 501);
        var records = await page.Locator("#drill-observations tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.record)");
        Assert.Equal(more.GetProperty("observations").EnumerateArray().Select(o => o.GetProperty("sourceRecordKey").GetString()), records);
        if (expected > 1) Assert.Equal("raw-link", await page.EvaluateAsync<string>("() => document.activeElement?.className"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_bucket_without_a_value_explains_its_reason_in_words_and_never_shows_a_zero()
    {
        using var http = stack.App.Client();
        var (bucket, reason) = await DrillData.BucketWithoutValueAsync(http, Ct);
        var api = await DrillData.InputsAsync(http, bucket, Ct);
        Assert.Equal(JsonValueKind.Null, api.GetProperty("value").ValueKind);
        Assert.Equal(reason, api.GetProperty("reason").GetString());

        await using var tab = await stack.OpenAsync(bucket.DrillHash(null));
        var page = tab.Page;
        await tab.WaitForPageAsync("drill");
        var value = page.Locator("#drill-value");
        Assert.Equal("", await value.GetAttributeAsync("data-value"));
        Assert.Equal(reason, await page.Locator("#drill-reason").GetAttributeAsync("data-reason"));
        var text = await value.InnerTextAsync();
        Assert.Contains("No value", text);
        Assert.Contains($"(reason: {reason})", text);
        // The words are an explanation, not the code again.
        Assert.True(text.Replace($"(reason: {reason})", "", StringComparison.Ordinal).Length > 40, $"no explanation of {reason}: {text}");
        Assert.DoesNotMatch(@"^\s*0(\.0+)?\b", text);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_payload_over_a_megabyte_of_text_shows_its_first_megabyte_with_a_note_and_the_page_stays_responsive()
    {
        using var http = stack.App.Client();
        // Just under the source's upload limit (1 MiB) and over the page's 1,000,000 characters. Every row names a city
        // that is not configured, so the upload lands whole but curates into no observations (shared data stays as it is).
        var csv = new StringBuilder("time,city,cyclists,pedestrians\r\n");
        for (var i = 0; csv.Length < 1_040_000; i++) csv.Append(CultureInfo.InvariantCulture, $"2026-01-01T00:00:00Z,nowhere-{i % 1000:D3},{i % 97},{i % 211}\r\n");
        var receipt = await DrillData.UploadCsvAsync(http, csv.ToString(), Ct);
        var blob = receipt.GetProperty("blob").GetString()!;

        await using var tab = await stack.OpenAsync($"#/raw?blob={Uri.EscapeDataString(blob)}&sha={receipt.GetProperty("sha256").GetString()}");
        var page = tab.Page;
        await tab.WaitForPageAsync("raw");
        Assert.Equal("true", await page.Locator("#raw").GetAttributeAsync("data-hash-match"));
        var rows = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(rows.ToString(CultureInfo.InvariantCulture), await page.Locator("#raw-csv-table").GetAttributeAsync("data-rows-total"));
        Assert.Equal(500, await page.Locator("#raw-csv-table tbody tr").CountAsync());

        await page.Locator("#raw-content button[data-view='text']").ClickAsync();
        var pre = page.Locator("#raw-text");
        Assert.Equal("true", await pre.GetAttributeAsync("data-cut"));
        Assert.Equal(1_000_000, await pre.EvaluateAsync<int>("p => p.textContent.length"));
        Assert.Contains($"Showing the first 1,000,000 of {csv.Length.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters", await page.Locator("#raw-content .raw-cut").InnerTextAsync());
        // Still answering: a frame is painted and the toggle goes back at once.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => r(null)))");
        await page.Locator("#raw-content button[data-view='table']").ClickAsync();
        Assert.Equal("table", await page.Locator("#raw-content").GetAttributeAsync("data-view"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_uploaded_csv_payload_renders_as_a_table_of_its_first_500_rows_with_a_matching_hash()
    {
        using var http = stack.App.Client();
        // 520 rows in a January long before the replayed data, with quoted fields (one holding a comma-free quote pair).
        var csv = new StringBuilder("time,city,cyclists,pedestrians\r\n");
        csv.Append("\"2026-01-01T00:00:00Z\",\"oslo\",\"12\",\"40\"\r\n");
        for (var i = 1; i < 520; i++) csv.Append(CultureInfo.InvariantCulture, $"{new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i):yyyy-MM-ddTHH:mm:ssZ},oslo,{i % 97},{i % 211}\r\n");
        var receipt = await DrillData.UploadCsvAsync(http, csv.ToString(), Ct);
        var blob = receipt.GetProperty("blob").GetString()!;
        var sha = receipt.GetProperty("sha256").GetString()!;

        await using var tab = await stack.OpenAsync($"#/raw?blob={Uri.EscapeDataString(blob)}&sha={sha}");
        var page = tab.Page;
        await tab.WaitForPageAsync("raw");
        var raw = page.Locator("#raw");
        Assert.Equal(("csv", "true", sha), (await raw.GetAttributeAsync("data-kind"), await raw.GetAttributeAsync("data-hash-match"), await raw.GetAttributeAsync("data-sha256")));
        var table = page.Locator("#raw-csv-table");
        Assert.Equal(["time", "city", "cyclists", "pedestrians"], await table.Locator("thead th").AllInnerTextsAsync());
        Assert.Equal(["2026-01-01T00:00:00Z", "oslo", "12", "40"], await table.Locator("tbody tr").First.Locator("td").AllInnerTextsAsync());
        Assert.Equal(["2026-01-01T01:00:00Z", "oslo", "1", "1"], await table.Locator("tbody tr").Nth(1).Locator("td").AllInnerTextsAsync());
        Assert.Equal(("500", "520"), (await table.GetAttributeAsync("data-rows-shown"), await table.GetAttributeAsync("data-rows-total")));
        Assert.Equal(500, await table.Locator("tbody tr").CountAsync());
        Assert.Contains("Showing the first 500 of 520 rows", await page.Locator("#raw-csv-note").InnerTextAsync());
        await tab.KeepScreenshotAsync("raw-csv");

        // The raw text keeps the quotes as sent.
        await page.Locator("#raw-content button[data-view='text']").ClickAsync();
        Assert.StartsWith("time,city,cyclists,pedestrians\n\"2026-01-01T00:00:00Z\",\"oslo\"", (await page.Locator("#raw-text").TextContentAsync())!.Replace("\r\n", "\n", StringComparison.Ordinal));
        // No way back in the link: Back goes to Explore.
        Assert.Equal("#/explore", await page.Locator("#raw-back").GetAttributeAsync("href"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_zip_payload_is_not_rendered_and_its_download_is_the_exact_bytes()
    {
        using var http = stack.App.Client();
        // The GTFS feed lands as a ZIP; its name is read from the raw container, where the landing stage wrote it.
        var container = stack.App.Storage.Container(Tributary.Storage.StorageNames.RawContainer);
        string? zip = null;
        await foreach (var item in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "entur-gtfs/" }, Ct))
        {
            if (item.Name.EndsWith(".zip", StringComparison.Ordinal)) { zip = item.Name; break; }
        }
        Assert.True(zip is not null, "the first run landed no GTFS ZIP");
        var bytes = await DrillData.RawBytesAsync(http, zip, Ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await using var tab = await stack.OpenAsync($"#/raw?blob={Uri.EscapeDataString(zip)}&sha={sha}");
        var page = tab.Page;
        await tab.WaitForPageAsync("raw");
        var raw = page.Locator("#raw");
        Assert.Equal(("binary", "true"), (await raw.GetAttributeAsync("data-kind"), await raw.GetAttributeAsync("data-hash-match")));
        Assert.Equal("application/zip", await page.Locator("#raw-type").InnerTextAsync());
        Assert.Contains("ZIP archive", await page.Locator("#raw-binary").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#raw-content pre, #raw-content table, #raw-content button").CountAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#raw-download").ClickAsync());
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(await download.PathAsync(), Ct))));
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_missing_raw_page_and_a_missing_bucket_say_what_was_not_found()
    {
        using var http = stack.App.Client();
        var bucket = await DrillData.BucketWithValueAsync(http, Comfort, Ct);
        var api = await DrillData.InputsAsync(http, bucket, Ct);
        var real = api.GetProperty("lineage")[0].GetProperty("blob").GetString()!;
        var missing = real[..(real.LastIndexOf('/') + 1)] + "no-such-page.json";
        // The API itself says 404 for this name (not 400): the state below is the page's reading of a real answer.
        using (var response = await http.GetAsync("api/v1/raw/" + missing, Ct)) Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        await using var tab = await stack.OpenAsync($"#/raw?blob={Uri.EscapeDataString(missing)}&back={Uri.EscapeDataString(bucket.DrillHash(null))}");
        var page = tab.Page;
        await tab.WaitForPageAsync("raw", "error");
        var block = page.Locator("#page-root .state-block[data-error='not-found']");
        Assert.Contains(missing, await block.InnerTextAsync());
        Assert.Equal("No such raw page", await page.Locator("#raw-title").InnerTextAsync());
        Assert.Equal(bucket.DrillHash(null), await page.Locator("#raw-back").GetAttributeAsync("href"));

        // A bucket with no row: years before any data.
        var none = bucket with { Start = new DateTimeOffset(2001, 1, 1, 5, 0, 0, TimeSpan.Zero) };
        await tab.GoAsync(none.DrillHash(null));
        await tab.WaitForPageAsync("drill", "error");
        block = page.Locator("#page-root .state-block[data-error='not-found']");
        var text = await block.InnerTextAsync();
        Assert.Contains("2001-01-01T05:00:00.000Z", text);
        Assert.Contains(Comfort, text);
        Assert.Equal("No such bucket", await page.Locator("#drill-title").InnerTextAsync());
        tab.AssertNoConsoleErrors(FailedRequest);
    }

    [Fact]
    public async Task A_hostile_back_link_is_never_followed_and_back_goes_to_explore_for_the_drilled_kpi()
    {
        using var http = stack.App.Client();
        var bucket = await DrillData.BucketWithValueAsync(http, Comfort, Ct);
        await using var tab = await stack.OpenAsync(bucket.DrillHash("javascript:alert(1)"));
        var page = tab.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await tab.WaitForPageAsync("drill");

        var fallback = $"#/explore?kpi={Comfort}&city={bucket.City}&grain=hour";
        Assert.Equal(fallback, await page.Locator("#drill-back").GetAttributeAsync("href"));
        Assert.True(await page.Locator("#drill-back-refused").IsVisibleAsync(), "the page does not say it ignored the back link");
        // Nothing on the page carries the hostile value onwards (the raw links come back to a drill hash without it).
        var hrefs = await page.Locator("#page-root a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.DoesNotContain(hrefs, h => h.Contains("javascript", StringComparison.OrdinalIgnoreCase));

        await page.Locator("#drill-observations .raw-link").First.ClickAsync();
        await tab.WaitForPageAsync("raw");
        await page.Locator("#raw-back").ClickAsync();
        await tab.WaitForPageAsync("drill");
        await page.Locator("#drill-back").ClickAsync();
        await tab.WaitForPageAsync("explore");
        // Explore may add its default range to the link it was given: the drilled KPI, city and grain must be kept.
        Assert.StartsWith(fallback, await Hash(page));

        // The raw page refuses one too.
        await tab.GoAsync("#/raw?blob=" + Uri.EscapeDataString(await FirstLineageBlobAsync(http, bucket)) + "&back=" + Uri.EscapeDataString("https://evil.example/#/x"));
        await tab.WaitForPageAsync("raw");
        Assert.Equal("#/explore", await page.Locator("#raw-back").GetAttributeAsync("href"));
        Assert.True(await page.Locator("#raw-back-refused").IsVisibleAsync());
        Assert.Equal(0, dialogs);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_link_missing_or_misspelling_its_parameters_says_which()
    {
        await using var tab = await stack.OpenAsync("#/drill?city=oslo&bucket=yesterday&back=%23%2Fexplore%3Fcity%3Doslo");
        var page = tab.Page;
        await tab.WaitForPageAsync("drill", "error");
        var block = page.Locator(".state-block[data-error='invalid']");
        Assert.Equal("kpi,bucket", await block.GetAttributeAsync("data-parameters"));
        var text = await block.InnerTextAsync();
        Assert.Contains("parameter kpi", text);
        Assert.Contains("\"yesterday\" is not a UTC date-time (parameter bucket", text);
        // Back still works, to where the link said.
        Assert.Equal("#/explore?city=oslo", await page.Locator("#drill-back").GetAttributeAsync("href"));
        Assert.Equal("drill-title", await page.EvaluateAsync<string>("() => document.activeElement?.id"));

        // A bucket that is not the start of its grain is caught before any request.
        await tab.GoAsync("#/drill?kpi=thermal_comfort&city=oslo&grain=day&bucket=2026-11-22T06:00:00Z");
        await page.Locator(".state-block[data-error='invalid'][data-parameters='bucket']").WaitForAsync();
        Assert.Contains("not the start of a UTC day", await page.Locator(".state-block").InnerTextAsync());

        // What only the API can know (a KPI without that grain, a city it does not have) is its problem, named.
        await tab.GoAsync("#/drill?kpi=thermal_comfort&city=atlantis&grain=hour&bucket=2026-11-22T06:00:00Z");
        await page.Locator(".state-block[data-error='not-found'][data-parameters='city']").WaitForAsync();
        Assert.Contains("atlantis", await page.Locator(".state-block").InnerTextAsync());

        await tab.GoAsync("#/raw?sha=xyz");
        await tab.WaitForPageAsync("raw", "error");
        Assert.Equal("blob,sha", await page.Locator(".state-block[data-error='invalid']").GetAttributeAsync("data-parameters"));
        tab.AssertNoConsoleErrors(FailedRequest);
    }

    [Fact]
    public async Task With_the_api_down_both_pages_say_so_and_retry_works_once_it_is_back()
    {
        using var http = stack.App.Client();
        var bucket = await DrillData.BucketWithValueAsync(http, Comfort, Ct);
        var blob = await FirstLineageBlobAsync(http, bucket);
        await using var tab = await stack.OpenAsync(bucket.DrillHash(null), beforeNavigation: p => p.RouteAsync("**/api/**", r => r.AbortAsync()));
        var page = tab.Page;
        await tab.WaitForPageAsync("drill", "error");
        var block = page.Locator(".state-block[data-error='api']");
        Assert.Contains("The API cannot be reached", await block.InnerTextAsync());

        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
        await block.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await tab.WaitForPageAsync("drill");

        await page.RouteAsync("**/api/**", r => r.AbortAsync());
        await tab.GoAsync($"#/raw?blob={Uri.EscapeDataString(blob)}");
        await tab.WaitForPageAsync("raw", "error");
        block = page.Locator(".state-block[data-error='api']");
        Assert.Contains("The API cannot be reached", await block.InnerTextAsync());
        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
        await block.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await tab.WaitForPageAsync("raw");
        Assert.Equal("true", await page.Locator("#raw").GetAttributeAsync("data-hash-match"));
        tab.AssertNoConsoleErrors(FailedRequest);
    }

    private static async Task<string> FirstLineageBlobAsync(HttpClient http, DrillBucket bucket) =>
        (await DrillData.InputsAsync(http, bucket, Ct)).GetProperty("lineage")[0].GetProperty("blob").GetString()!;

    private static Task<string> Hash(IPage page) => page.EvaluateAsync<string>("() => location.hash");
}

/// <summary>A KPI bucket to drill into, found through the API.</summary>
internal sealed record DrillBucket(string Kpi, string City, string Grain, DateTimeOffset Start)
{
    public string BucketText => Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>#/drill?kpi=..&amp;bucket=..&amp;city=..&amp;grain=..[&amp;back=..]</c>, as Explore links to it.</summary>
    public string DrillHash(string? back) =>
        $"#/drill?kpi={Kpi}&bucket={Uri.EscapeDataString(Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))}&city={City}&grain={Grain}"
        + (back is null ? "" : $"&back={Uri.EscapeDataString(back)}");
}

/// <summary>The API reads and writes the drill-down tests need.</summary>
internal static class DrillData
{
    /// <summary>
    /// The latest hourly bucket of <paramref name="kpi"/> in Oslo (then any city) with a value and at least
    /// <paramref name="minInputs"/> inputs: replayed data follows the clock, so which hour that is is read, not assumed.
    /// </summary>
    public static async Task<DrillBucket> BucketWithValueAsync(HttpClient http, string kpi, CancellationToken ct, int minInputs = 1)
    {
        using var response = await http.GetAsync($"api/v1/kpis/{kpi}/series?grain=hour", ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var candidates = body.RootElement.GetProperty("series").EnumerateArray()
            .OrderBy(s => s.GetProperty("city").GetString() == "oslo" ? 0 : 1)
            .SelectMany(s => s.GetProperty("points").EnumerateArray().Reverse()
                .Where(p => p.GetProperty("value").ValueKind == JsonValueKind.Number && p.GetProperty("inputs").GetInt32() >= minInputs)
                .Select(p => new DrillBucket(kpi, s.GetProperty("city").GetString()!, "hour", p.GetProperty("t").GetDateTimeOffset())));
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException($"No hourly bucket of {kpi} with a value and {minInputs}+ inputs in the series.");
    }

    /// <summary>A bucket (of any KPI, any city, either grain) stored without a value, and its reason code.</summary>
    public static async Task<(DrillBucket Bucket, string Reason)> BucketWithoutValueAsync(HttpClient http, CancellationToken ct)
    {
        using var catalog = JsonDocument.Parse(await http.GetStringAsync("api/v1/catalog", ct));
        foreach (var kpi in catalog.RootElement.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("id").GetString()!))
        {
            foreach (var grain in new[] { "hour", "day" })
            {
                using var response = await http.GetAsync($"api/v1/kpis/{kpi}/series?grain={grain}&maxPoints=10000", ct);
                response.EnsureSuccessStatusCode();
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                foreach (var series in body.RootElement.GetProperty("series").EnumerateArray())
                {
                    foreach (var point in series.GetProperty("points").EnumerateArray())
                    {
                        if (point.GetProperty("value").ValueKind == JsonValueKind.Null && point.GetProperty("reason").GetString() is { } reason)
                        {
                            return (new DrillBucket(kpi, series.GetProperty("city").GetString()!, grain, point.GetProperty("t").GetDateTimeOffset()), reason);
                        }
                    }
                }
            }
        }
        throw new InvalidOperationException("No KPI bucket without a value in any series of the replayed data.");
    }

    public static async Task<JsonElement> InputsAsync(HttpClient http, DrillBucket bucket, CancellationToken ct, int? limit = null)
    {
        var url = $"api/v1/kpis/{bucket.Kpi}/buckets/{Uri.EscapeDataString(bucket.BucketText)}/inputs?city={bucket.City}&grain={bucket.Grain}" + (limit is null ? "" : $"&limit={limit}");
        using var response = await http.GetAsync(url, ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.Clone();
    }

    public static async Task<byte[]> RawBytesAsync(HttpClient http, string blob, CancellationToken ct)
    {
        using var response = await http.GetAsync("api/v1/raw/" + string.Join('/', blob.Split('/').Select(Uri.EscapeDataString)), ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>Uploads <paramref name="csv"/> to the push source city-counters with its local key; the receipt names the landed blob.</summary>
    public static async Task<JsonElement> UploadCsvAsync(HttpClient http, string csv, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/ingest/city-counters") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Add("x-tributary-key", "local-city-counters-key");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload: {(int)response.StatusCode} {text}");
        using var body = JsonDocument.Parse(text);
        return body.RootElement.Clone();
    }
}
