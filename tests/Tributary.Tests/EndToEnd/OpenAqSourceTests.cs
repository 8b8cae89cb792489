using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Tributary.Curation;
using Tributary.Landing;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>The OpenAQ source (API key, page/limit, incremental cursor, x-ratelimit budget) against its replay, through every stage.</summary>
public sealed class OpenAqSourceTests
{
    private const int Sensors = 15;
    private static readonly Dictionary<string, string?> FastRetries = new() { ["Sources:OpenAq:Resilience:BaseDelaySeconds"] = "0.02" };

    // A fixed day, never "yesterday" by the wall clock: a test running across midnight would ask for one day and look
    // for another.
    private static readonly DateTime Day = new(2026, 3, 9);

    private static DateTimeOffset At(int hour, int minute = 20) => new(Day.AddHours(hour).AddMinutes(minute), TimeSpan.Zero);

    /// <summary>The vendor's clock, frozen where a run at <paramref name="runTime"/> finds it: every hour the run asks for has ended.</summary>
    private static FakeTimeProvider VendorClockAt(DateTimeOffset runTime) => new(runTime.AddSeconds(10));

    private static async Task<List<string>> BlobsAsync(PipelineHarness app, string prefix, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var blob in app.Storage.Container(StorageNames.RawContainer).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }, ct)) names.Add(blob.Name);
        return names;
    }

    [Fact]
    public async Task Hourly_means_land_per_sensor_become_observations_and_the_key_is_stored_nowhere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(At(6)));

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal((IngestionService.Succeeded, Sensors, Sensors), (record.Outcome, record.Pages, record.Requests));
        await run.WaitForAsync("Curate", Sensors, ct);
        var rows = await run.RowsAsync(StorageNames.ObservationsTable, "Source eq 'openaq'", ct);
        Assert.Equal(Sensors * 24, rows.Count); // The first run reaches back LookbackHours = 24.
        Assert.Equal(["no2", "o3", "pm25"], rows.Select(r => r.GetString("Metric")).Distinct().Order());
        Assert.Equal(["bergen", "oslo", "trondheim"], rows.Select(r => r.GetString("City")).Distinct().Order());

        // One value checked against the vendor's own answer: the hour ENDING at 03:00 is stored as starting at 02:00.
        using var vendor = new HttpClient { BaseAddress = run.App.ReplayAddress };
        vendor.DefaultRequestHeaders.Add("X-API-Key", PipelineHarness.ReplayCredentials["openaq-api-key"]);
        var end = At(3, 0);
        var answer = JsonDocument.Parse(await vendor.GetStringAsync($"v3/sensors/3001/hours?datetime_from={end.AddHours(-1):yyyy-MM-dd'T'HH:mm:ss'Z'}&datetime_to={end:yyyy-MM-dd'T'HH:mm:ss'Z'}", ct));
        var expected = answer.RootElement.GetProperty("results")[0].GetProperty("value");
        var stored = rows.Single(r => r.GetString("LocationId") == "openaq:sensor:3001" && r.GetDateTimeOffset("TimestampUtc") == end.AddHours(-1));
        Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.GetDouble(), stored.GetDouble("Value"));
        Assert.Equal(("ug/m3", 3600), (stored.GetString("Unit"), stored.GetInt32("PeriodSeconds")));
        Assert.Equal((59.9326, 10.7247), (stored.GetDouble("Latitude"), stored.GetDouble("Longitude"))); // From the manifest's item.
        var sensors = await run.RowsAsync(StorageNames.DimensionsTable, "PartitionKey eq 'sensor'", ct);
        Assert.Equal(Sensors, sensors.Count);
        Assert.Equal("Kirkeveien", sensors.Single(d => d.RowKey == "openaq:sensor:3001").GetString("station"));

        Assert.Empty(await StoredText.FindAsync(run.App.Storage, PipelineHarness.ReplayCredentials["openaq-api-key"], ct));
    }

    [Fact]
    public async Task Pages_follow_page_and_limit_and_the_next_run_resumes_from_the_cursor_with_its_overlap()
    {
        var ct = TestContext.Current.CancellationToken;
        // 60 calls in two runs: more than one minute's budget (55), which would make the second run wait for the next minute.
        var vendor = VendorClockAt(At(6));
        await using var run = await SourceRun.StartAsync(ct, new Dictionary<string, string?>(FastRetries)
        {
            ["Sources:OpenAq:Paging:PageSize"] = "10",
            ["Sources:OpenAq:RateBudget:Requests"] = "100",
        }, ["--Replay:OpenAq:PerMinute=100"], vendor);

        var first = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);
        // 24 hours at 10 a page: ">10", ">10", then 4 (a short page ends the item).
        Assert.Equal((IngestionService.Succeeded, Sensors * 3, Sensors * 3), (first.Outcome, first.Pages, first.Requests));
        Assert.Equal([$"openaq/{At(6):yyyy/MM/dd}/{first.RunId}/3001.json", $"openaq/{At(6):yyyy/MM/dd}/{first.RunId}/3001.p2.json", $"openaq/{At(6):yyyy/MM/dd}/{first.RunId}/3001.p3.json"],
            await BlobsAsync(run.App, $"openaq/{At(6):yyyy/MM/dd}/{first.RunId}/3001.", ct));

        // An hour later: from the watermark (06:00) less the 3-hour overlap, so 4 hours, one page.
        vendor.Advance(At(7) - At(6));
        var second = await run.FireAsync("IngestAirQuality", "openaq", At(7), ct);
        Assert.Equal((IngestionService.Succeeded, Sensors), (second.Outcome, second.Pages));
        var page = await run.App.Storage.Container(StorageNames.RawContainer).GetBlobClient($"openaq/{At(7):yyyy/MM/dd}/{second.RunId}/3001.json").DownloadContentAsync(ct);
        var results = JsonDocument.Parse(page.Value.Content.ToString()).RootElement.GetProperty("results");
        Assert.Equal(4, results.GetArrayLength());
        Assert.Equal(At(4, 0), results[0].GetProperty("period").GetProperty("datetimeTo").GetProperty("utc").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_refused_key_fails_every_sensor_with_the_vendors_reason_and_is_stored_nowhere()
    {
        var ct = TestContext.Current.CancellationToken;
        const string wrongKey = "not-the-openaq-key-77c2";
        var logs = new CapturedLogs();
        await using var run = await SourceRun.StartAsync(ct, new Dictionary<string, string?>(FastRetries) { ["Secrets:openaq-api-key"] = wrongKey },
            replayTime: VendorClockAt(At(6)), logs: logs);

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal((IngestionService.Failed, 0), (record.Outcome, record.Pages));
        Assert.Contains("Invalid credentials", record.Error, StringComparison.Ordinal);
        Assert.Empty(await StoredText.FindAsync(run.App.Storage, wrongKey, ct));
        Assert.Contains(logs.Lines, line => line.Contains("Invalid credentials", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(wrongKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_x_ratelimit_headers_stop_calls_before_a_429_and_the_other_sensors_resume_next_run()
    {
        var ct = TestContext.Current.CancellationToken;
        // Frozen, so the vendor's minute cannot roll over mid-test.
        await using var run = await SourceRun.StartAsync(ct,
            new Dictionary<string, string?>(FastRetries) { ["Sources:OpenAq:RateBudget:MaxWaitSeconds"] = "0" },
            ["--Replay:OpenAq:PerMinute=5"], VendorClockAt(At(6)));

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal((IngestionService.PartiallySucceeded, 5, 5), (record.Outcome, record.Pages, record.Requests));
        Assert.Contains($"{Sensors - 5} item(s) failed and resume on the next run", record.Error, StringComparison.Ordinal);
        var cursors = await run.RowsAsync(StorageNames.CursorsTable, "PartitionKey eq 'openaq'", ct);
        Assert.Equal(5, cursors.Count); // Only the fetched sensors moved their watermark.
    }

    [Fact]
    public async Task The_hourly_allowance_no_header_shows_is_kept_by_the_budget_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        // The vendor allows 3 calls an hour and says nothing of it in x-ratelimit-*; the manifest's second window knows.
        await using var run = await SourceRun.StartAsync(ct, new Dictionary<string, string?>(FastRetries)
        {
            ["Sources:OpenAq:RateBudget:MoreWindows:0:Requests"] = "3",
            ["Sources:OpenAq:RateBudget:MaxWaitSeconds"] = "0",
        }, ["--Replay:OpenAq:PerHour=3"], VendorClockAt(At(6)));
        // The budget counts in clock hours of the worker's own (real) clock, in another process the test cannot
        // pin. A run that straddles the top of the hour would rightly get a fresh allowance, so start it clear of
        // that: the outcome is then the same at any time of day.
        var intoHour = DateTime.UtcNow - DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour);
        if (intoHour > TimeSpan.FromMinutes(59.5)) await Task.Delay(TimeSpan.FromHours(1) - intoHour + TimeSpan.FromSeconds(1), ct);

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal((IngestionService.PartiallySucceeded, 3, 3), (record.Outcome, record.Pages, record.Requests)); // Never a 429.
        Assert.Contains($"{Sensors - 3} item(s) failed and resume on the next run", record.Error, StringComparison.Ordinal);
        Assert.Contains("the rate budget allows no further call before", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_5xx_is_retried_and_the_run_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(At(6)));
        await run.PostReplayAsync("_replay/faults/openaq?mode=server-error-burst", ct);

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal((IngestionService.Succeeded, Sensors, Sensors + 2), (record.Outcome, record.Pages, record.Requests));
    }

    [Fact]
    public async Task A_renamed_value_field_is_rejected_hour_by_hour_with_the_reason_and_counted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(At(6)));
        await run.PostReplayAsync("_replay/faults/openaq?mode=schema-drift", ct);

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal((IngestionService.Succeeded, Sensors), (record.Outcome, record.Pages));
        await run.WaitForAsync("Curate", Sensors, ct);
        var quality = await run.RowsAsync(StorageNames.QualityTable, $"RunId eq '{record.RunId}'", ct);
        Assert.Equal(Sensors, quality.Count);
        Assert.All(quality, q => Assert.Equal((0, 24), (q.GetInt32("Observations"), q.GetInt32("Rejected"))));
        var rejects = await run.App.Storage.Container(StorageNames.QuarantineContainer).GetBlobClient(quality[0].GetString("QuarantineBlob")).DownloadContentAsync(ct);
        var first = System.Text.Json.Nodes.JsonNode.Parse(rejects.Value.Content.ToString())!["rejected"]![0]!;
        Assert.Equal(("results[0]", "'value' is missing (schema change?)"), (first["locator"]!.ToString(), first["reason"]!.ToString()));
        Assert.Empty(await run.RowsAsync(StorageNames.ObservationsTable, "Source eq 'openaq'", ct));
    }

    [Theory]
    [InlineData("truncated-body", "is not JSON")]
    [InlineData("malformed-json", "is not JSON")]
    public async Task Unreadable_pages_are_landed_then_quarantined_with_the_reason(string fault, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(At(6)));
        await run.PostReplayAsync($"_replay/faults/openaq?mode={fault}", ct);

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal(Sensors, record.Pages);
        await run.WaitForAsync("Curate", Sensors, ct);
        var quality = await run.RowsAsync(StorageNames.QualityTable, $"RunId eq '{record.RunId}'", ct);
        Assert.Equal(Sensors, quality.Count);
        Assert.All(quality, q => Assert.Contains(reason, q.GetString("PageError"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vendor_timeout_is_retried_then_fails_the_run_with_the_status()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(At(6)));
        await run.PostReplayAsync("_replay/faults/openaq?mode=timeout-408", ct);

        var record = await run.FireAsync("IngestAirQuality", "openaq", At(6), ct);

        Assert.Equal((IngestionService.Failed, 0), (record.Outcome, record.Pages));
        Assert.Contains("408", record.Error, StringComparison.Ordinal);
        Assert.True(record.Requests > 1, $"expected retries, saw {record.Requests}");
    }
}
