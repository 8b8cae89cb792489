using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Tributary.Testing;

namespace Tributary.Browser.Tests;

/// <summary>
/// The Sources page in real Chromium over the real stack: every source's status as the API serves it, a source's
/// runs as the run history lists them (records and quarantined as the quality API's page rows sum them), its quality
/// and drift, the live refresh that adds a new run without a reload and leaves unchanged sections alone, the admin
/// sign-in, a refused key, the admin actions (run now, backfill, replay from raw) followed to the end, and the state
/// when the API is down.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SourcesTests(DashboardStack stack)
{
    private const string Weather = "open-meteo";
    private const string AirQuality = "open-meteo-air-quality";
    private const string Counters = "city-counters";
    // No other test runs, backfills or replays it, so its runs and quality stay as the first run left them.
    private const string Quiet = "openaq";
    private const string UploadKey = "local-city-counters-key";

    [Fact]
    public async Task Every_source_is_listed_with_its_status_from_the_api()
    {
        await using var tab = await stack.OpenAsync("#/sources");
        await tab.WaitForPageAsync("sources");
        var sources = (await GetJsonAsync("api/v1/sources")).GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        Assert.Equal(sources.Select(s => s.GetProperty("id").GetString()), await tab.Page.Locator("[data-source]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.source)"));

        foreach (var source in sources)
        {
            var id = source.GetProperty("id").GetString()!;
            var card = tab.Page.Locator($"[data-source='{id}']");
            Assert.Equal(source.GetProperty("kind").GetString(), await card.GetAttributeAsync("data-kind"));
            Assert.Equal(source.GetProperty("enabled").GetBoolean() ? "true" : "false", await card.GetAttributeAsync("data-enabled"));
            var freshness = source.GetProperty("freshness");
            Assert.Equal(freshness.GetProperty("lastOutcome").GetString() ?? "", await card.GetAttributeAsync("data-last-outcome"));
            var text = await card.InnerTextAsync();
            var schedule = source.GetProperty("schedule");
            if (schedule.GetProperty("nextRunUtc").GetString() is { } next) Assert.Contains(Utc(next), text);
            if (schedule.GetProperty("expression").GetString() is { } expression) Assert.Contains(expression, text);
            if (freshness.GetProperty("lastRunUtc").GetString() is { } lastRun) Assert.Contains(Utc(lastRun), text);
            else Assert.Contains("No runs yet", text);
            if (source.GetProperty("quality").GetProperty("latest") is { ValueKind: JsonValueKind.Object } latest) Assert.Contains(latest.GetProperty("day").GetString()!, text);
            if (source.GetProperty("baseUrl").ValueKind == JsonValueKind.Null && schedule.GetProperty("expression").ValueKind == JsonValueKind.Null) Assert.Contains("Pushed (uploads, webhooks)", text);
            if (freshness.GetProperty("lastSuccessUtc").GetString() is { } success) Assert.Contains(Utc(success), text);
            else Assert.Contains("Never", text);

            // The stack ran every source once minutes ago, and the test schedules run once a year: nothing is stale.
            var alerts = source.GetProperty("alerts").GetArrayLength();
            if (freshness.GetProperty("lastSuccessUtc").ValueKind == JsonValueKind.String && alerts == 0)
            {
                Assert.Equal("false", await card.GetAttributeAsync("data-stale"));
            }
            // The badge says what the API's status means: disabled, failing, stale, partly failing, OK or never run.
            var stale = await card.GetAttributeAsync("data-stale") == "true";
            var expected = !source.GetProperty("enabled").GetBoolean() ? "disabled"
                : freshness.GetProperty("lastOutcome").GetString() switch
                {
                    "Failed" => "failing",
                    _ when stale => "stale",
                    _ when alerts > 0 => "failing",
                    "PartiallySucceeded" => "partial",
                    "Succeeded" => "ok",
                    _ => "never-run",
                };
            Assert.Equal(expected, await card.GetAttributeAsync("data-health"));
            Assert.Equal(expected, await card.Locator("[data-health]").First.GetAttributeAsync("data-health"));
        }
        Assert.Equal(await tab.Page.Locator("[data-source]").CountAsync(), sources.Count);
        await Assertions.Expect(tab.Page.Locator(".refreshed[data-refreshed]")).ToContainTextAsync("Refreshed ");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_source_shows_its_runs_as_the_run_history_lists_them_and_its_quality()
    {
        // The source as a parameter (the list links to #/sources/<id>; both open the same detail).
        await using var tab = await stack.OpenAsync($"#/sources?source={Quiet}");
        await tab.WaitForPageAsync("sources");
        var history = await GetJsonAsync($"api/v1/sources/{Quiet}/runs?limit=10");
        var runs = history.GetProperty("runs").EnumerateArray().ToList();
        Assert.NotEmpty(runs);
        var rows = tab.Page.Locator("[data-runs] tbody tr");
        Assert.Equal(runs.Select(r => r.GetProperty("runId").GetString()), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.runId)"));
        // What curation made of each run: the quality API's page rows of the runs' landing days, summed per run.
        var pageRows = new List<JsonElement>();
        foreach (var day in runs.Select(r => r.GetProperty("runTimeUtc").GetString()![..10]).Distinct())
        {
            pageRows.AddRange((await GetJsonAsync($"api/v1/quality/{Quiet}/pages?day={day}")).GetProperty("pages").EnumerateArray());
        }
        var sawRecords = false;
        foreach (var run in runs)
        {
            var runId = run.GetProperty("runId").GetString()!;
            var row = tab.Page.Locator($"tr[data-run-id='{runId}']");
            var cells = await row.Locator("td").AllInnerTextsAsync();
            Assert.Equal(Utc(run.GetProperty("runTimeUtc").GetString()!), cells[0]);
            Assert.Equal(run.GetProperty("outcome").GetString(), await row.GetAttributeAsync("data-outcome"));
            var pages = pageRows.Where(p => p.GetProperty("runId").GetString() == runId).ToList();
            if (pages.Count > 0 || run.GetProperty("pages").GetInt32() == 0)
            {
                var records = pages.Sum(p => p.GetProperty("quality").GetProperty("observations").GetInt32());
                sawRecords |= records > 0;
                Assert.Equal(Count(records), cells[2]);
                Assert.Equal(Count(pages.Sum(p => p.GetProperty("quality").GetProperty("rejected").GetInt32())), cells[3]);
            }
            else
            {
                Assert.Equal("—", cells[2]);
            }
            var wait = run.GetProperty("rateLimitWaitMs").GetInt64();
            Assert.Equal(wait.ToString(CultureInfo.InvariantCulture), await row.Locator("[data-rate-limit-wait]").GetAttributeAsync("data-rate-limit-wait"));
            if (wait == 0) Assert.Equal("—", cells[4]);
            Assert.Equal(Count(run.GetProperty("pages").GetInt32()), cells[6]);
            Assert.Equal(run.GetProperty("error").GetString() ?? "—", cells[7]);
        }
        Assert.True(sawRecords, "no run of the first page showed curated records");
        await tab.KeepScreenshotAsync("sources-detail");
        Assert.Equal(history.GetProperty("continuation").ValueKind == JsonValueKind.String, await tab.Page.Locator("#runs-more").IsVisibleAsync());

        var status = (await GetJsonAsync($"api/v1/sources/{Quiet}")).GetProperty("source");
        var latest = status.GetProperty("quality").GetProperty("latest");
        var quality = tab.Page.Locator("[data-section='quality']");
        Assert.Equal(latest.GetProperty("score").GetDouble(), double.Parse((await quality.Locator("[data-quality-score]").GetAttributeAsync("data-quality-score"))!, CultureInfo.InvariantCulture));
        Assert.Contains(latest.GetProperty("day").GetString()!, await quality.InnerTextAsync());
        foreach (var component in new[] { "completeness", "uniqueness", "consistency", "validity", "timeliness", "volume" })
        {
            var expected = latest.GetProperty(component) is { ValueKind: JsonValueKind.Number } value ? $"{Math.Round(value.GetDouble() * 100, MidpointRounding.AwayFromZero):0} %" : "—";
            Assert.Equal(expected, await quality.Locator($"[data-component='{component}']").InnerTextAsync());
        }
        // The daily scores, newest first, as /api/v1/quality/{source} serves them.
        var days = (await GetJsonAsync($"api/v1/quality/{Quiet}")).GetProperty("days").EnumerateArray().OrderByDescending(d => d.GetProperty("day").GetString(), StringComparer.Ordinal).Take(7).ToList();
        Assert.NotEmpty(days);
        Assert.Equal(days.Select(d => d.GetProperty("day").GetString()), await quality.Locator("tr[data-score-day]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.scoreDay)"));
        foreach (var day in days)
        {
            var cells = await quality.Locator($"tr[data-score-day='{day.GetProperty("day").GetString()}'] td").AllInnerTextsAsync();
            Assert.Equal(day.GetProperty("score") is { ValueKind: JsonValueKind.Number } score ? $"{Math.Round(score.GetDouble() * 100, MidpointRounding.AwayFromZero):0} %" : "—", cells[1]);
            Assert.Equal(Count(day.GetProperty("observations").GetInt32()), cells[2]);
            Assert.Equal(Count(day.GetProperty("rejected").GetInt32()), cells[3]);
        }
        Assert.Equal(status.GetProperty("drift").GetArrayLength().ToString(CultureInfo.InvariantCulture), await tab.Page.Locator("[data-drift-count]").GetAttributeAsync("data-drift-count"));
        Assert.Equal("0", await tab.Page.Locator("[data-alert-count]").GetAttributeAsync("data-alert-count"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Drift_of_a_source_is_listed_with_its_example_page_linked_to_the_raw_page()
    {
        var ct = TestContext.Current.CancellationToken;
        // A JSON upload whose counts are text, not numbers: the payload's type differs from the mapping's schema.
        using (var http = stack.App.Client())
        {
            using var upload = new HttpRequestMessage(HttpMethod.Post, $"api/v1/ingest/{Counters}")
            {
                Content = new StringContent("""[{"time":"2026-11-03T10:00:00Z","city":"oslo","cyclists":"many","pedestrians":12}]""", Encoding.UTF8, "application/json"),
            };
            upload.Headers.Add("x-tributary-key", UploadKey);
            using var response = await http.SendAsync(upload, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(ct));
        }
        var drift = await EventuallyAsync(async () =>
        {
            var events = (await GetJsonAsync($"api/v1/sources/{Counters}")).GetProperty("source").GetProperty("drift");
            return events.GetArrayLength() > 0 ? events : (JsonElement?)null;
        }, "the upload's drift was not recorded");

        await using var tab = await stack.OpenAsync($"#/sources/{Counters}");
        await tab.WaitForPageAsync("sources");
        Assert.Equal(drift.GetArrayLength().ToString(CultureInfo.InvariantCulture), await tab.Page.Locator("[data-drift-count]").GetAttributeAsync("data-drift-count"));
        foreach (var change in drift.EnumerateArray())
        {
            var row = tab.Page.Locator($"tr[data-drift-field='{change.GetProperty("field").GetString()}'][data-drift-change='{change.GetProperty("change").GetString()}']");
            var cells = await row.Locator("td").AllInnerTextsAsync();
            Assert.Equal(change.GetProperty("field").GetString(), cells[0]);
            Assert.Equal(change.GetProperty("change").GetString(), cells[1]);
            Assert.Equal(Or(change.GetProperty("expected").GetString()), cells[2]);
            Assert.Equal(Or(change.GetProperty("actual").GetString()), cells[3]);
            Assert.Equal(Utc(change.GetProperty("firstSeenUtc").GetString()!), cells[4]);
            var href = (await row.Locator("a[data-blob]").GetAttributeAsync("href"))!;
            var query = System.Web.HttpUtility.ParseQueryString(href[(href.IndexOf('?') + 1)..]);
            Assert.StartsWith("#/raw?", href);
            Assert.Equal(change.GetProperty("exampleBlob").GetString(), query["blob"]);
            Assert.Equal($"#/sources/{Counters}", query["back"]);
        }
        // A push source offers no run now and no backfill, and says why.
        Assert.Contains("Pushed (uploads, webhooks)", await tab.Page.Locator("[data-section='status']").InnerTextAsync());
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_new_run_appears_on_the_live_refresh_without_a_reload_and_unchanged_sections_are_left_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var tab = await stack.OpenAsync($"#/sources/{AirQuality}", beforeNavigation: p => p.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow }));
        await tab.WaitForPageAsync("sources");
        await tab.MarkDocumentAsync();
        var oldest = (await tab.Page.Locator("[data-runs] tbody tr").Last.GetAttributeAsync("data-run-id"))!;
        // Mark nodes that must survive the refresh: an unchanged row, and sections whose content does not change.
        await tab.Page.EvaluateAsync("id => { document.querySelector(`tr[data-run-id='${id}']`).__kept = true; }", oldest);
        var refreshedBefore = await tab.Page.Locator(".refreshed").GetAttributeAsync("data-refreshed");
        var driftRenders = await tab.Page.Locator("[data-section='drift']").GetAttributeAsync("data-render-count");
        var alertRenders = await tab.Page.Locator("[data-section='alerts']").GetAttributeAsync("data-render-count");
        await tab.Page.Locator("#page-root .manifest-details summary").ClickAsync();

        using var admin = stack.App.Client(PipelineHarness.MasterKey);
        using var accepted = await admin.PostAsync($"api/v1/admin/sources/{AirQuality}/run", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var runId = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("runId").GetString()!;
        await EventuallyAsync(async () =>
        {
            var runs = (await GetJsonAsync($"api/v1/sources/{AirQuality}/runs?limit=10")).GetProperty("runs");
            return runs.EnumerateArray().Any(r => r.GetProperty("runId").GetString() == runId) ? runs : null;
        }, $"run {runId} did not appear in the run history");

        await tab.Page.Clock.FastForwardAsync("00:31");
        await tab.Page.Locator($"tr[data-run-id='{runId}']").WaitForAsync();
        await tab.AssertSameDocumentAsync();
        Assert.Equal(runId, await tab.Page.Locator("[data-runs] tbody tr").First.GetAttributeAsync("data-run-id"));
        // The rows are patched as soon as the runs are read; the refreshed line once the whole refresh is in.
        await Assertions.Expect(tab.Page.Locator(".refreshed")).Not.ToHaveAttributeAsync("data-refreshed", refreshedBefore!);
        Assert.True(await tab.Page.EvaluateAsync<bool>("id => document.querySelector(`tr[data-run-id='${id}']`).__kept === true", oldest), "an unchanged run row was rebuilt");
        Assert.Equal(driftRenders, await tab.Page.Locator("[data-section='drift']").GetAttributeAsync("data-render-count"));
        Assert.Equal(alertRenders, await tab.Page.Locator("[data-section='alerts']").GetAttributeAsync("data-render-count"));
        Assert.True(await tab.Page.Locator("#page-root .manifest-details").EvaluateAsync<bool>("d => d.open"), "an opened section closed on the refresh");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Admin_actions_are_hidden_until_signed_in_and_a_wrong_key_is_refused()
    {
        await using var tab = await stack.OpenAsync($"#/sources/{Weather}");
        await tab.WaitForPageAsync("sources");
        await Assertions.Expect(tab.Page.Locator("[data-admin-hint]")).ToBeVisibleAsync();
        Assert.Equal(0, await tab.Page.Locator("#run-now, #backfill-start, #replay-start").CountAsync());

        await tab.Page.Locator("#admin-button").ClickAsync();
        await tab.Page.Locator("#admin-key").FillAsync("not-the-admin-key");
        await tab.Page.Locator("#admin-submit").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#admin-error")).ToContainTextAsync("refused");
        Assert.Equal(0, await tab.Page.Locator("#run-now").CountAsync());
        await tab.Page.Locator("#admin-key").FillAsync(PipelineHarness.MasterKey);
        await tab.Page.Locator("#admin-submit").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#admin-dialog")).Not.ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#run-now")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#backfill-start")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#replay-start")).ToBeVisibleAsync();

        // Signing out takes the actions away again.
        await tab.Page.Locator("#admin-button").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#run-now")).ToHaveCountAsync(0);
        tab.AssertNoConsoleErrors("401");
    }

    [Fact]
    public async Task An_admin_key_the_api_refuses_is_said_plainly_and_no_run_is_queued()
    {
        await using var tab = await stack.OpenAsync($"#/sources/{Quiet}");
        await tab.WaitForPageAsync("sources");
        // A key kept from before it was rotated: the shell checked it then, the API refuses it now.
        await tab.Page.EvaluateAsync("() => sessionStorage.setItem('tributary.adminKey', 'a-rotated-key')");
        await tab.Page.ReloadAsync();
        await tab.WaitForPageAsync("sources");
        var newestBefore = await NewestRunIdAsync(Quiet);
        await tab.Page.Locator("#run-now").ClickAsync();
        await ConfirmAsync(tab);
        var status = tab.Page.Locator("[data-status-for='run-now']");
        await Assertions.Expect(status).ToContainTextAsync("refused (401)");
        await Assertions.Expect(status).ToContainTextAsync("admin key was not accepted");
        await Assertions.Expect(tab.Page.Locator("#run-now")).ToBeEnabledAsync();
        // The admin gate refuses before anything is queued, so once the 401 is shown no run can follow from it.
        Assert.Equal(newestBefore, await NewestRunIdAsync(Quiet));
        tab.AssertNoConsoleErrors("401");
    }

    [Fact]
    public async Task Run_now_queues_a_run_shows_its_id_and_the_run_appears()
    {
        await using var tab = await stack.OpenAsync($"#/sources/{Weather}");
        await tab.WaitForPageAsync("sources");
        await SignInAsync(tab);
        await tab.Page.Locator("#run-now").ClickAsync();
        await ConfirmAsync(tab);
        var status = tab.Page.Locator("[data-status-for='run-now'][data-run-id]");
        await status.WaitForAsync();
        var runId = (await status.GetAttributeAsync("data-run-id"))!;
        Assert.Matches(@"^\d{8}T\d{4}Z$", runId);
        await tab.Page.Locator($"tr[data-run-id='{runId}']").WaitForAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(tab.Page.Locator("[data-status-for='run-now'][data-outcome]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var runs = (await GetJsonAsync($"api/v1/sources/{Weather}/runs?limit=10")).GetProperty("runs").EnumerateArray().ToList();
        var run = runs.Single(r => r.GetProperty("runId").GetString() == runId);
        Assert.Equal(run.GetProperty("outcome").GetString(), await tab.Page.Locator($"tr[data-run-id='{runId}']").GetAttributeAsync("data-outcome"));
        Assert.Contains(runId, await status.InnerTextAsync());
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_backfill_of_one_day_shows_its_progress_until_done()
    {
        await using var tab = await stack.OpenAsync($"#/sources/{AirQuality}");
        await tab.WaitForPageAsync("sources");
        await SignInAsync(tab);
        var day = await ApiDayAsync(-1);
        await tab.Page.Locator("#backfill-from").FillAsync(day);
        await tab.Page.Locator("#backfill-to").FillAsync(day);
        await tab.Page.Locator("#backfill-start").ClickAsync();
        await ConfirmAsync(tab);
        await Assertions.Expect(tab.Page.Locator("#backfill-start")).ToBeDisabledAsync();
        var form = tab.Page.Locator("form[data-action='backfill']");
        await tab.Page.Locator("form[data-action='backfill'][data-progress='done']").WaitForAsync(new() { Timeout = 180_000 });

        var from = DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var status = await GetJsonAsync($"api/admin/backfill/{AirQuality}?from={from:yyyy-MM-dd}T00:00:00Z&to={from.AddDays(1):yyyy-MM-dd}T00:00:00Z", PipelineHarness.MasterKey);
        var (done, total) = (status.GetProperty("done").GetInt32(), status.GetProperty("total").GetInt32());
        Assert.True(total >= 1 && done == total, $"backfill status {status}");
        Assert.Contains($"{done} of {total} chunk", await form.Locator("[data-status-for='backfill']").InnerTextAsync());
        Assert.Equal(total, await form.Locator("progress").EvaluateAsync<int>("p => p.value"));
        await tab.KeepScreenshotAsync("sources-admin");
        await Assertions.Expect(tab.Page.Locator("#backfill-start")).ToBeEnabledAsync();
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_backfill_range_that_is_wrong_is_refused_naming_the_field_before_anything_is_sent()
    {
        await using var tab = await stack.OpenAsync($"#/sources/{Quiet}");
        await tab.WaitForPageAsync("sources");
        await SignInAsync(tab);
        var backfills = 0;
        tab.Page.Request += (_, request) => { if (request.Method == "POST" && request.Url.Contains("/api/admin/backfill/")) Interlocked.Increment(ref backfills); };
        var day = await ApiDayAsync(-1);
        await tab.Page.Locator("#backfill-from").FillAsync(day);
        await tab.Page.Locator("#backfill-to").FillAsync(await ApiDayAsync(-3));
        await tab.Page.Locator("#backfill-start").ClickAsync();
        var status = tab.Page.Locator("[data-status-for='backfill']");
        await Assertions.Expect(status).ToContainTextAsync("\"To\"");
        await Assertions.Expect(status).ToContainTextAsync("is before \"From\"");
        await Assertions.Expect(tab.Page.Locator("#backfill-to")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(tab.Page.Locator("#backfill-to")).ToBeFocusedAsync();
        Assert.Equal(0, await tab.Page.Locator("dialog.confirm-dialog").CountAsync());

        // A range longer than the API allows names "From"; a good range clears the marks.
        await tab.Page.Locator("#backfill-from").FillAsync(await ApiDayAsync(-120));
        await tab.Page.Locator("#backfill-to").FillAsync(day);
        await tab.Page.Locator("#backfill-start").ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("at most 93 are allowed");
        await Assertions.Expect(tab.Page.Locator("#backfill-from")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await tab.Page.Locator("#backfill-to").GetAttributeAsync("aria-invalid"));
        await tab.Page.Locator("#backfill-from").FillAsync(day);
        await tab.Page.Locator("#backfill-start").ClickAsync();
        await tab.Page.Locator("dialog.confirm-dialog [data-confirm='cancel']").ClickAsync();
        Assert.Null(await tab.Page.Locator("#backfill-from").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, backfills);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_replay_from_raw_shows_its_progress_until_done()
    {
        var landed = (await GetJsonAsync($"api/v1/sources/{Weather}")).GetProperty("source").GetProperty("quality").GetProperty("latest").GetProperty("day").GetString()!;
        await using var tab = await stack.OpenAsync($"#/sources/{Weather}");
        await tab.WaitForPageAsync("sources");
        await SignInAsync(tab);
        await tab.Page.Locator("#replay-from").FillAsync(landed);
        await tab.Page.Locator("#replay-to").FillAsync(landed);
        // Again even if an earlier test replayed the same day: this one follows a replay of its own.
        await tab.Page.Locator("#replay-force").CheckAsync();
        await tab.Page.Locator("#replay-start").ClickAsync();
        await ConfirmAsync(tab);
        var form = tab.Page.Locator("form[data-action='replay']");
        await tab.Page.Locator("form[data-action='replay'][data-progress='done']").WaitForAsync(new() { Timeout = 180_000 });

        var id = (await form.GetAttributeAsync("data-replay-id"))!;
        var status = await GetJsonAsync($"api/admin/replay/{Weather}/{id}", PipelineHarness.MasterKey);
        Assert.Equal("Done", status.GetProperty("status").GetString());
        var queued = status.GetProperty("blobsQueued").GetInt32();
        Assert.True(queued > 0, $"the replay of {landed} queued no raw page: {status}");
        var text = await form.Locator("[data-status-for='replay']").InnerTextAsync();
        Assert.Contains($"{status.GetProperty("daysDone").GetInt32()} of {status.GetProperty("daysTotal").GetInt32()} day", text);
        Assert.Contains($"{queued} raw page", text);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task When_the_api_cannot_be_reached_the_page_says_so_and_retry_recovers()
    {
        await using var tab = await stack.OpenAsync("#/sources", beforeNavigation: p => p.RouteAsync("**/api/v1/sources", route => route.AbortAsync()));
        await tab.WaitForPageAsync("sources", "error");
        await Assertions.Expect(tab.Root).ToContainTextAsync("The API cannot be reached");
        await tab.Page.UnrouteAllAsync();
        await tab.Root.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await tab.WaitForPageAsync("sources");
        Assert.True(await tab.Page.Locator("[data-source]").CountAsync() > 0);
        tab.AssertNoConsoleErrors("net::ERR_FAILED");
    }

    internal static async Task SignInAsync(DashboardPage tab)
    {
        await tab.Page.Locator("#admin-button").ClickAsync();
        await tab.Page.Locator("#admin-key").FillAsync(PipelineHarness.MasterKey);
        await tab.Page.Locator("#admin-submit").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#admin-dialog")).Not.ToBeVisibleAsync();
        await tab.Page.Locator("[data-admin-panel]").WaitForAsync();
    }

    private static async Task ConfirmAsync(DashboardPage tab)
    {
        var confirm = tab.Page.Locator("dialog.confirm-dialog [data-confirm='confirm']");
        await confirm.ClickAsync();
        await Assertions.Expect(tab.Page.Locator("dialog.confirm-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>The API's UTC day plus <paramref name="offset"/> days, from its own clock (the status's generatedUtc).</summary>
    private async Task<string> ApiDayAsync(int offset) =>
        (await GetJsonAsync("api/v1/sources")).GetProperty("generatedUtc").GetDateTimeOffset().UtcDateTime.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string?> NewestRunIdAsync(string source) =>
        (await GetJsonAsync($"api/v1/sources/{source}/runs?limit=1")).GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runId").GetString()).FirstOrDefault();

    private async Task<JsonElement> GetJsonAsync(string route, string? key = null)
    {
        using var http = stack.App.Client(key);
        return JsonDocument.Parse(await http.GetStringAsync(route, TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> probe, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (await probe() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>An instant as the dashboard writes it (format.ts formatUtc): <c>2026-12-02 08:00 UTC</c>.</summary>
    internal static string Utc(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Or(string? value) => string.IsNullOrEmpty(value) ? "—" : value;

    /// <summary>A count as format.ts formatCount writes it (en-GB grouping).</summary>
    private static string Count(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
}
