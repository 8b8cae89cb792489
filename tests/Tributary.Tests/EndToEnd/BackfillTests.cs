using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>A backfill queued over HTTP runs chunk by chunk through the same stages, reports progress, and re-runs idempotently.</summary>
public sealed class BackfillTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_backfill_fills_past_days_reports_its_progress_and_a_rerun_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        using var http = app.Client(PipelineHarness.MasterKey);
        var from = DateTime.UtcNow.Date.AddDays(-10);
        var route = $"api/admin/backfill/open-meteo?from={from:yyyy-MM-dd}&to={from.AddDays(4):yyyy-MM-dd}";

        using var started = await http.PostAsync(route, null, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var plan = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(2, plan.GetProperty("total").GetInt32()); // Open-Meteo's window is 48 h: 4 days are 2 chunks.
        Assert.All(plan.GetProperty("chunks").EnumerateArray(), c => Assert.Equal("Pending", c.GetProperty("outcome").GetString()));

        await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Backfill" && x.Succeeded) == 2 &&
                                                r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) >= 6,
            TimeSpan.FromSeconds(90), "both chunks to be fetched, curated and aggregated");
        var status = await http.GetFromJsonAsync<JsonElement>(route, ct);
        Assert.Equal((2, 0), (status.GetProperty("done").GetInt32(), status.GetProperty("failed").GetInt32()));
        Assert.All(status.GetProperty("chunks").EnumerateArray(), c => Assert.EndsWith(".backfill", c.GetProperty("runId").GetString()));

        var kpis = await http.GetFromJsonAsync<JsonElement>($"api/kpis?city=bergen&from={from.AddDays(1):yyyy-MM-dd}&to={from.AddDays(2):yyyy-MM-dd}", ct);
        Assert.Equal(24, kpis.GetProperty("series")[0].GetProperty("points").GetArrayLength());

        // The same backfill again: same run ids, same pages, no table changes.
        var tables = new[] { StorageNames.ObservationsTable, StorageNames.KpisTable, StorageNames.RunsTable, StorageNames.QualityTable };
        var before = await Task.WhenAll(tables.Select(t => TableSnapshot.TakeAsync(app.Storage, t)));
        var aggregates = app.Invocations.Snapshot().Count(r => r.FunctionName == "Aggregate");
        using var again = await http.PostAsync(route, null, ct);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Backfill" && x.Succeeded) == 4 &&
                                                r.Count(x => x.FunctionName == "Aggregate") >= aggregates + 6,
            TimeSpan.FromSeconds(90), "the re-run to finish");
        var after = await Task.WhenAll(tables.Select(t => TableSnapshot.TakeAsync(app.Storage, t)));
        for (var i = 0; i < tables.Length; i++) Assert.Equal(before[i], after[i]);
    }

    [Fact]
    public async Task Bad_backfill_requests_get_problem_details_naming_the_parameter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        using var http = app.Client(PipelineHarness.MasterKey);

        using var unknown = await http.PostAsync("api/admin/backfill/nope?from=2026-01-01&to=2026-01-02", null, ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("open-meteo", await unknown.Content.ReadAsStringAsync(ct));

        using var tooLong = await http.PostAsync("api/admin/backfill/open-meteo?from=2025-01-01&to=2025-12-31", null, ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);

        using var missing = await http.PostAsync("api/admin/backfill/open-meteo?from=2026-01-01", null, ct);
        Assert.Contains("'to' is required", await missing.Content.ReadAsStringAsync(ct));

        using var download = await http.PostAsync("api/admin/backfill/entur-gtfs?from=2026-01-01&to=2026-01-02", null, ct);
        Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
        Assert.Contains("no date range to backfill", await download.Content.ReadAsStringAsync(ct));
    }
}
