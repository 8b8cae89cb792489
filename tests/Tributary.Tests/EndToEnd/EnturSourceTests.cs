using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Tributary.Curation;
using Tributary.Landing;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// Contract tests of the three Entur sources (open Journey Planner, partner Journey Planner with OAuth2, GTFS) against
/// the Entur replay, through every stage: landing, curation and the tables.
/// </summary>
public sealed class EnturSourceTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Sources:EnturJourneyPlanner:Resilience:BaseDelaySeconds"] = "0.02",
        ["Sources:EnturPartner:Resilience:BaseDelaySeconds"] = "0.02",
        ["Sources:EnturGtfs:Resilience:BaseDelaySeconds"] = "0.02",
    };

    // A fixed weekday morning (Tuesday 10 March 2026, 08:00 in Oslo), never "today": what a board holds depends on the
    // service date (day type, real-time draws) and on the vendor's clock, and neither may depend on when the test runs.
    private static readonly DateTimeOffset Morning = new(2026, 3, 10, 7, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Minute(int minute) => Morning.AddMinutes(minute);

    /// <summary>
    /// The vendor's clock, frozen where a timer firing at <paramref name="runTime"/> finds it. On the wall clock the
    /// replay would answer this morning's window as of whenever the test runs: in the evening every call has left, and
    /// two GTFS fetches can straddle the feed's 04:00 republish.
    /// </summary>
    private static FakeTimeProvider VendorClockAt(DateTimeOffset runTime) => new(runTime.AddSeconds(5));

    [Fact]
    public async Task Departure_boards_land_per_stop_place_and_become_delays_and_a_replay_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = Minute(1);
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(now));

        var record = await run.FireAsync("IngestDepartures", "entur-jp", now, ct);

        Assert.Equal((IngestionService.Succeeded, 8, 8), (record.Outcome, record.Pages, record.Requests));
        await run.WaitForAsync("Curate", 8, ct);
        var delays = await run.RowsAsync(StorageNames.ObservationsTable, "Source eq 'entur-jp'", ct);
        Assert.NotEmpty(delays);
        Assert.All(delays, d => Assert.Equal((Metrics.DepartureDelay, "s"), (d.GetString("Metric"), d.GetString("Unit"))));
        Assert.Equal(["bergen", "oslo"], delays.Select(d => d.GetString("City")).Distinct().Order());
        Assert.All(delays, d => Assert.StartsWith("NSR:Quay:", d.GetString("LocationId"), StringComparison.Ordinal));
        var quality = await run.RowsAsync(StorageNames.QualityTable, $"RunId eq '{record.RunId}'", ct);
        Assert.Equal(8, quality.Count);
        Assert.All(quality, q => Assert.Equal(0, q.GetInt32("Rejected")));
        Assert.Equal(delays.Count, quality.Sum(q => q.GetInt32("Observations")));

        var before = await TableSnapshot.TakeAsync(run.App.Storage, StorageNames.ObservationsTable);
        await run.App.ReplayAsync(run.App.Invocations.Snapshot().First(r => r.FunctionName == "IngestDepartures"), ct);
        await run.WaitForAsync("Curate", 16, ct);
        Assert.Equal(before, await TableSnapshot.TakeAsync(run.App.Storage, StorageNames.ObservationsTable));
    }

    [Fact]
    public async Task The_partner_source_gets_a_token_once_and_after_expiry_refreshes_it_on_the_401()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturedLogs();
        var vendor = VendorClockAt(Minute(2));
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: vendor, logs: logs);

        var first = await run.FireAsync("IngestPartnerDepartures", "entur-partner", Minute(2), ct);
        Assert.Equal((IngestionService.Succeeded, 4, 4), (first.Outcome, first.Pages, first.Requests));

        await run.PostReplayAsync("_replay/entur/expire-tokens", ct);
        vendor.Advance(Minute(3) - Minute(2));
        var second = await run.FireAsync("IngestPartnerDepartures", "entur-partner", Minute(3), ct);
        // The first call meets 401 invalid_token; one new token, the call again, then the other three with it.
        Assert.Equal((IngestionService.Succeeded, 4, 5), (second.Outcome, second.Pages, second.Requests));

        await run.WaitForAsync("Curate", 8, ct);
        var delays = await run.RowsAsync(StorageNames.ObservationsTable, "Source eq 'entur-partner'", ct);
        Assert.NotEmpty(delays);
        Assert.All(delays, d => Assert.Equal("trondheim", d.GetString("City")));
        var secret = PipelineHarness.ReplayCredentials["entur-partner-client-secret"];
        Assert.Empty(await StoredText.FindAsync(run.App.Storage, secret, ct));
        Assert.Contains(logs.Lines, line => line.Contains("entur-partner run", StringComparison.Ordinal)); // The capture works...
        Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal)); // ...and holds no secret,
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Bearer ", StringComparison.Ordinal)); // nor a token.
    }

    [Fact]
    public async Task A_disabled_source_keeps_its_timer_quiet_and_fetches_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SourceRun.StartAsync(ct, new Dictionary<string, string?>(FastRetries) { ["Sources:EnturPartner:Enabled"] = "false" });
        var now = Minute(11);

        var invocation = await run.App.FireTimerAsync("IngestPartnerDepartures", now, ct);

        Assert.True(invocation.Succeeded, invocation.Error);
        Assert.Empty(await run.RowsAsync(StorageNames.RunsTable, "PartitionKey eq 'entur-partner'", ct));
    }

    [Fact]
    public async Task A_refused_client_secret_fails_the_run_with_the_vendors_error_and_is_stored_nowhere()
    {
        var ct = TestContext.Current.CancellationToken;
        const string wrongSecret = "not-the-partner-secret-5e1f";
        var now = Minute(4);
        await using var run = await SourceRun.StartAsync(ct, new Dictionary<string, string?>(FastRetries) { ["Secrets:entur-partner-client-secret"] = wrongSecret },
            replayTime: VendorClockAt(now));

        var record = await run.FireAsync("IngestPartnerDepartures", "entur-partner", now, ct);

        Assert.Equal((IngestionService.Failed, 0), (record.Outcome, record.Pages));
        Assert.Contains("invalid_client", record.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, record.Error, StringComparison.Ordinal);
        Assert.Empty(await StoredText.FindAsync(run.App.Storage, wrongSecret, ct));
    }

    [Fact]
    public async Task A_used_up_quota_is_not_retried_before_its_expiry_and_the_other_stops_wait_for_the_next_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var (record, vendorMinuteEnds) = await RunAgainstSmallQuotaAsync("Entur", ct);

        // The third answer says Rate-Limit-Available: 0 until the vendor's minute ends, so a fourth call is never made.
        Assert.Equal((IngestionService.PartiallySucceeded, 3, 3), (record.Outcome, record.Pages, record.Requests));
        Assert.Contains("5 item(s) failed and resume on the next run", record.Error, StringComparison.Ordinal);
        Assert.Contains($"no further call before {vendorMinuteEnds:yyyy-MM-dd'T'HH:mm:ss}", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_vendors_headers_every_later_stop_retries_its_429_the_cost_the_headers_save()
    {
        var ct = TestContext.Current.CancellationToken;
        var (record, _) = await RunAgainstSmallQuotaAsync("None", ct);

        // Three boards; then each of the five other stops meets 429 and retries it three times. 429s do not open the
        // circuit (that is the budget's business), so no stop is cut short by another's throttling.
        Assert.Equal((IngestionService.PartiallySucceeded, 3, 3 + (5 * 4)), (record.Outcome, record.Pages, record.Requests));
        Assert.Contains("5 item(s) failed and resume on the next run", record.Error, StringComparison.Ordinal);
        Assert.Contains("429", record.Error, StringComparison.Ordinal);
    }

    private static async Task<(RunRecord Record, DateTimeOffset VendorMinuteEnds)> RunAgainstSmallQuotaAsync(string headers, CancellationToken ct)
    {
        // A frozen vendor clock half an hour ahead: its minute cannot roll over mid-test, and the expiry it announces
        // lies in the future for the pipeline's real clock whatever the time of day.
        var now = DateTimeOffset.UtcNow;
        var vendorNow = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 10, TimeSpan.Zero).AddMinutes(30);
        await using var run = await SourceRun.StartAsync(ct,
            new Dictionary<string, string?>(FastRetries)
            {
                ["Sources:EnturJourneyPlanner:RateBudget:MaxWaitSeconds"] = "0",
                ["Sources:EnturJourneyPlanner:RateBudget:Headers"] = headers,
            },
            ["--Replay:Entur:QuotaPerMinute=3"], new FakeTimeProvider(vendorNow));
        return (await run.FireAsync("IngestDepartures", "entur-jp", Minute(5), ct), vendorNow.AddSeconds(50));
    }

    [Theory]
    [InlineData("malformed-json")]
    [InlineData("schema-drift")]
    public async Task Bad_boards_are_landed_and_quarantined_or_rejected_with_reasons_and_counted(string fault)
    {
        var ct = TestContext.Current.CancellationToken;
        // The drift renames expectedDepartureTime only, and the mapper reads actualDepartureTime first, so only calls
        // still to come by the vendor's clock are rejected: the vendor's clock must be the run's, not the wall clock.
        var now = Minute(6);
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(now));
        await run.PostReplayAsync($"_replay/faults/entur?mode={fault}", ct);

        var record = await run.FireAsync("IngestDepartures", "entur-jp", now, ct);

        Assert.Equal(8, record.Pages);
        await run.WaitForAsync("Curate", 8, ct);
        var quality = await run.RowsAsync(StorageNames.QualityTable, $"RunId eq '{record.RunId}'", ct);
        Assert.Equal(8, quality.Count);
        Assert.All(quality, q => Assert.NotNull(q.GetString("QuarantineBlob")));
        Assert.All(quality, q => Assert.True(q.GetString("PageError") is not null || q.GetInt32("Rejected") > 0, $"page {q.RowKey} neither failed nor rejected anything"));
    }

    [Theory]
    [InlineData("server-error", "500")]
    [InlineData("timeout-422", "ApiProcessingTimeout")]
    public async Task A_vendor_failure_fails_the_run_with_the_vendors_reason(string fault, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        var now = Minute(7);
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(now));
        await run.PostReplayAsync($"_replay/faults/entur?mode={fault}", ct);

        var record = await run.FireAsync("IngestDepartures", "entur-jp", now, ct);

        Assert.Equal((IngestionService.Failed, 0), (record.Outcome, record.Pages));
        Assert.Contains(reason, record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timetable_lands_once_builds_the_stop_dimension_and_an_unchanged_feed_is_not_fetched_again()
    {
        var ct = TestContext.Current.CancellationToken;
        // One vendor clock for both fetches: on the real clock they could straddle the feed's 04:00 republish.
        var vendor = VendorClockAt(Minute(8));
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: vendor);

        var first = await run.FireAsync("IngestTimetable", "entur-gtfs", Minute(8), ct);
        Assert.Equal((IngestionService.Succeeded, 1), (first.Outcome, first.Pages));
        await run.WaitForAsync("Curate", 1, ct);

        var stops = await run.RowsAsync(StorageNames.DimensionsTable, "PartitionKey eq 'stop'", ct);
        Assert.Equal(12, stops.Count(s => s.GetString("locationType") == "1"));
        Assert.Equal(["bergen", "oslo", "trondheim"], stops.Select(s => s.GetString("city")).Distinct().Order());
        var scheduled = await run.RowsAsync(StorageNames.ObservationsTable, "Source eq 'entur-gtfs'", ct);
        Assert.Equal(["bergen", "oslo", "trondheim"], scheduled.Select(s => s.GetString("City")).Distinct().Order());
        Assert.All(scheduled, s => Assert.True(s.GetDouble("Value") >= 1));

        vendor.Advance(Minute(9) - Minute(8));
        var second = await run.FireAsync("IngestTimetable", "entur-gtfs", Minute(9), ct);
        Assert.Equal((IngestionService.Succeeded, 0, 1), (second.Outcome, second.Pages, second.Requests)); // 304 Not Modified.
    }

    [Fact]
    public async Task A_truncated_feed_is_landed_and_quarantined_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = Minute(10);
        await using var run = await SourceRun.StartAsync(ct, FastRetries, replayTime: VendorClockAt(now));
        await run.PostReplayAsync("_replay/faults/entur?mode=truncated-zip", ct);

        var record = await run.FireAsync("IngestTimetable", "entur-gtfs", now, ct);

        Assert.Equal(1, record.Pages);
        await run.WaitForAsync("Curate", 1, ct);
        var quality = Assert.Single(await run.RowsAsync(StorageNames.QualityTable, $"RunId eq '{record.RunId}'", ct));
        Assert.Contains("ZIP", quality.GetString("PageError"), StringComparison.Ordinal);
        Assert.StartsWith("entur-gtfs/", quality.GetString("QuarantineBlob"), StringComparison.Ordinal);
    }
}
