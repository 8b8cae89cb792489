using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Curation;
using Tributary.Landing;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// The Open-Meteo source against its replay server with scripted faults, through every stage: a vendor fault never
/// crashes a run or loses what was fetched, and the run record and quality table say what happened.
/// </summary>
public sealed class OpenMeteoSourceFaultTests
{
    private static readonly Dictionary<string, string?> FastRetries = new() { ["Sources:OpenMeteo:Resilience:BaseDelaySeconds"] = "0.02" };

    /// <summary>Each fault gets its own Azurite, so what one run wrote cannot make another test pass.</summary>
    private sealed record FaultRun(AzuriteProcess Azurite, PipelineHarness App, RunRecord Record) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Azurite.DisposeAsync();
        }
    }

    private static async Task<FaultRun> RunWithFaultAsync(string fault, int minute, CancellationToken ct)
    {
        var azurite = await AzuriteProcess.StartAsync(ct);
        var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct, handlerSettings: FastRetries);
        using var replay = new HttpClient { BaseAddress = app.ReplayAddress };
        (await replay.PostAsync($"_replay/faults/open-meteo?mode={fault}", null, ct)).EnsureSuccessStatusCode();
        var now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(6).AddMinutes(minute), TimeSpan.Zero);
        await app.FireTimerAsync("IngestWeather", now, ct);
        var record = await app.Runs.GetAsync("open-meteo", RunIds.For(now), ct);
        return new FaultRun(azurite, app, record ?? throw new InvalidOperationException("no run record was written"));
    }

    [Fact]
    public async Task A_burst_of_server_errors_is_retried_and_the_run_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await RunWithFaultAsync("server-error-burst", 1, ct);
        var (app, record) = (run.App, run.Record);
        Assert.Equal((IngestionService.Succeeded, 3), (record.Outcome, record.Pages));
        Assert.Equal(3 + 2, record.Requests); // Two failed attempts, then three good pages.
    }

    [Fact]
    public async Task Truncated_pages_are_landed_quarantined_and_counted_and_the_run_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await RunWithFaultAsync("truncated-body", 2, ct);
        var (app, record) = (run.App, run.Record);
        Assert.Equal(IngestionService.PartiallySucceeded, record.Outcome);
        Assert.Equal(3, record.Pages);
        Assert.Contains("does not parse", record.Error);

        await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Curate" && x.Succeeded) >= 3, TimeSpan.FromSeconds(60), "the truncated pages to be curated");
        var quality = app.Storage.Table(StorageNames.QualityTable);
        var rows = new List<TableEntity>();
        await foreach (var row in quality.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RunId eq {record.RunId}"), cancellationToken: ct)) rows.Add(row);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Contains("is not JSON", r.GetString("PageError")));
        Assert.All(rows, r => Assert.StartsWith("open-meteo/", r.GetString("QuarantineBlob")));
        Assert.DoesNotContain(app.Invocations.Snapshot(), r => r.FunctionName == "Aggregate");
    }

    [Fact]
    public async Task A_renamed_column_is_rejected_with_a_reason_while_the_other_variables_are_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await RunWithFaultAsync("schema-drift", 3, ct);
        var (app, record) = (run.App, run.Record);
        Assert.Equal(IngestionService.Succeeded, record.Outcome);
        await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) >= 3, TimeSpan.FromSeconds(60), "curation and aggregation");

        var quality = await app.Quality.GetAsync("open-meteo", $"open-meteo/{record.RunTimeUtc:yyyy/MM/dd}/{record.RunId}/oslo.json", ct);
        Assert.NotNull(quality);
        Assert.Equal((1, 72 * 4), (quality.Rejected, quality.Observations));
        var rejects = await app.Storage.Container(StorageNames.QuarantineContainer).GetBlobClient(quality.QuarantineBlob).DownloadContentAsync(ct);
        var rejected = JsonNode.Parse(rejects.Value.Content.ToString())!["rejected"]![0]!;
        Assert.Equal(("hourly.apparent_temperature", "field missing from the response"), (rejected["locator"]!.ToString(), rejected["reason"]!.ToString()));

        using var http = new HttpClient { BaseAddress = app.HostAddress };
        var kpis = await http.GetFromJsonAsync<JsonObject>("api/kpis?city=oslo", ct);
        Assert.Empty(kpis!["series"]![0]!["points"]!.AsArray()); // No comfort factor without its input: never a made-up zero.
    }

    [Fact]
    public async Task A_lasting_outage_fails_the_run_with_the_vendors_reason_and_lands_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await RunWithFaultAsync("server-error", 4, ct);
        var (app, record) = (run.App, run.Record);
        Assert.Equal((IngestionService.Failed, 0), (record.Outcome, record.Pages));
        Assert.Contains("Something went wrong.", record.Error);
        Assert.True(record.Requests >= 4, $"expected retries, saw {record.Requests} request(s)");
    }

    [Fact]
    public async Task A_429_without_any_rate_header_is_retried_with_backoff_and_then_fails_only_that_city()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(6).AddMinutes(5), TimeSpan.Zero);
        // Two calls a minute, and a frozen vendor clock: the third city's 429 cannot clear while the run retries.
        await using var run = await SourceRun.StartAsync(ct, FastRetries, ["--Replay:OpenMeteo:MinutelyLimit=2"],
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now.AddSeconds(10)));

        var record = await run.FireAsync("IngestWeather", "open-meteo", now, ct);

        Assert.Equal((IngestionService.PartiallySucceeded, 2), (record.Outcome, record.Pages));
        Assert.True(record.Requests > 3, $"expected the 429 to be retried, saw {record.Requests} request(s)");
        Assert.Contains("1 item(s) failed", record.Error, StringComparison.Ordinal);
        Assert.True(record.Error!.Contains("Minutely API request limit exceeded.", StringComparison.Ordinal), record.Error);
    }
}
