using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// The walking skeleton end to end on real parts: the local host fires the timer, the handler lands raw pages from
/// the replay server, the queue triggers curate and aggregate them, and GET /api/kpis serves the KPI.
/// </summary>
public sealed class TimerToKpiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly string[] Cities = ["oslo", "bergen", "trondheim"];

    [Fact]
    public async Task Timer_run_lands_raw_pages_and_serves_the_kpi_and_a_replayed_run_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        // Only the weather timer, so the counts below are the weather's (the other sources have their own tests).
        var onlyWeather = new Dictionary<string, string?>
        {
            ["AzureWebJobs.IngestDepartures.Disabled"] = "true",
            ["AzureWebJobs.IngestPartnerDepartures.Disabled"] = "true",
            ["AzureWebJobs__IngestTimetable__Disabled"] = "true",
            ["AzureWebJobs__IngestAirQuality__Disabled"] = "1",
            ["AzureWebJobs.IngestScheduledSources.Disabled"] = "true",
        };
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: true, hostSettings: onlyWeather, cancellationToken: ct);
        var log = app.Invocations;

        await log.WaitForAsync(r => r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) >= Cities.Length,
            Deadline, "the timer run to be curated and aggregated for every city");
        var ingest = log.Snapshot().Single(r => r.FunctionName == "IngestWeather");
        Assert.True(ingest.Succeeded, ingest.Error);
        Assert.DoesNotContain(log.Snapshot(), r => !r.Succeeded);

        // Raw pages: one immutable blob per city, with its hash in metadata.
        var raw = app.Storage.Container(StorageNames.RawContainer);
        var blobs = new List<BlobItem>();
        await foreach (var blob in raw.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, ct)) blobs.Add(blob);
        Assert.Equal(Cities.Order(), blobs.Select(b => Path.GetFileNameWithoutExtension(b.Name)).Order());
        Assert.All(blobs, b => Assert.Matches("^open-meteo/\\d{4}/\\d{2}/\\d{2}/\\d{8}T\\d{4}Z/[a-z]+\\.json$", b.Name));
        Assert.All(blobs, b => Assert.Matches("^[0-9a-f]{64}$", b.Metadata["sha256"]));

        // The run asks for the day before, the run's day and the day after.
        var oslo = blobs.Single(b => b.Name.EndsWith("/oslo.json", StringComparison.Ordinal));
        var vendor = await ApparentTemperaturesAsync(app.Storage, oslo.Name, ct);
        Assert.Equal(72, vendor.Count);

        // The API answers through the local host's /api route with the KPI of every hour that was landed. The range is
        // the landed hours: the default one follows the wall clock, so it would move on if the run straddled midnight.
        var kpisOfTheRun = $"api/kpis?metric=thermal_comfort&city=oslo&from={vendor.Keys.Min():yyyy-MM-dd'T'HH:mm:ss'Z'}&to={vendor.Keys.Max().AddHours(1):yyyy-MM-dd'T'HH:mm:ss'Z'}";
        using var http = new HttpClient { BaseAddress = app.HostAddress };
        using var response = await http.GetAsync(kpisOfTheRun, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var series = Assert.Single(body.RootElement.GetProperty("series").EnumerateArray());
        Assert.Equal("oslo", series.GetProperty("city").GetString());
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(vendor.Keys.Order(), points.Select(p => p.GetProperty("t").GetDateTimeOffset()).Order());
        Assert.True(points.Count(p => p.GetProperty("value").ValueKind == JsonValueKind.Number) >= 66);

        // Each value is the comfort factor of the apparent temperature the vendor sent for that hour.
        foreach (var point in points)
        {
            var hour = point.GetProperty("t").GetDateTimeOffset();
            var ta = vendor[hour];
            if (ta is null)
            {
                Assert.Equal(JsonValueKind.Null, point.GetProperty("value").ValueKind);
                Assert.Equal("missing_apparent_temperature", point.GetProperty("reason").GetString());
            }
            else
            {
                Assert.Equal(ExpectedComfort(ta.Value), point.GetProperty("value").GetDouble(), 4);
                Assert.Equal(1, point.GetProperty("inputs").GetInt32());
            }
        }

        // The same KPI per UTC day: the comfort factor of the day's mean apparent temperature.
        using var daily = JsonDocument.Parse(await http.GetStringAsync(kpisOfTheRun + "&grain=day", ct));
        Assert.Equal("day", daily.RootElement.GetProperty("grain").GetString());
        var days = Assert.Single(daily.RootElement.GetProperty("series").EnumerateArray()).GetProperty("points").EnumerateArray().ToList();
        var vendorDays = vendor.Where(v => v.Value is not null).GroupBy(v => v.Key.UtcDateTime.Date).OrderBy(g => g.Key).ToList();
        Assert.Equal(vendorDays.Select(d => new DateTimeOffset(d.Key, TimeSpan.Zero)), days.Select(p => p.GetProperty("t").GetDateTimeOffset()));
        Assert.Equal(vendorDays.Select(d => ExpectedComfort(d.Average(v => v.Value!.Value))), days.Select(p => p.GetProperty("value").GetDouble()));

        // A conditional request with the ETag is answered 304 without a body.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, kpisOfTheRun);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await http.SendAsync(conditional, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // Replaying the same timer invocation lands nothing new and leaves every table exactly as it was.
        var tables = new[] { StorageNames.ObservationsTable, StorageNames.KpisTable, StorageNames.QualityTable, StorageNames.RunsTable };
        var before = await Task.WhenAll(tables.Select(t => TableSnapshot.TakeAsync(app.Storage, t)));
        var aggregatesBefore = log.Snapshot().Count(r => r.FunctionName == "Aggregate");
        var replay = await app.ReplayAsync(ingest, ct);
        Assert.True(replay.Succeeded, replay.Error);
        await log.WaitForAsync(r => r.Count(x => x.FunctionName == "Aggregate") >= aggregatesBefore + Cities.Length,
            Deadline, "the replayed run to be curated and aggregated again");
        var after = await Task.WhenAll(tables.Select(t => TableSnapshot.TakeAsync(app.Storage, t)));
        for (var i = 0; i < tables.Length; i++)
        {
            Assert.NotEmpty(before[i]);
            Assert.Equal(before[i], after[i]);
        }
        var blobsAfter = new List<string>();
        await foreach (var blob in raw.GetBlobsAsync(cancellationToken: ct)) blobsAfter.Add(blob.Name);
        Assert.Equal(blobs.Select(b => b.Name).Order(), blobsAfter.Order());
    }

    [Fact]
    public async Task Health_and_catalog_answer_through_the_host()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = app.HostAddress };

        var health = await http.GetFromJsonAsync<JsonElement>("api/health", ct);
        Assert.Equal("healthy", health.GetProperty("status").GetString());

        var catalog = await http.GetFromJsonAsync<JsonElement>("api/catalog", ct);
        Assert.Equal(Cities, catalog.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var metrics = catalog.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(["thermal_comfort", "pm25_aqi", "on_time_performance", "mean_departure_delay", "cancellation_rate", "service_delivered",
            "commute_stress", "delay_exposure", "aq_adjusted_stress"], metrics.Select(m => m.GetProperty("id").GetString()));
        Assert.All(metrics, m => Assert.Equal(["hour", "day"], m.GetProperty("grains").EnumerateArray().Select(g => g.GetString())));

        using var badGrain = await http.GetAsync("api/kpis?metric=thermal_comfort&grain=week", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badGrain.StatusCode);
        Assert.Contains("grain", await badGrain.Content.ReadAsStringAsync(ct));

        using var bad = await http.GetAsync("api/kpis?metric=nope", ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("metric", await bad.Content.ReadAsStringAsync(ct));

        using var tooWide = await http.GetAsync("api/kpis?from=2026-01-01&to=2026-03-01", ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooWide.StatusCode);

        using var openApi = await http.GetAsync("api/openapi/v1.json", ct);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        // Paths are relative to the server URL, which ends with the route prefix.
        using var document = System.Text.Json.JsonDocument.Parse(await openApi.Content.ReadAsStringAsync(ct));
        Assert.EndsWith("/api", document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/kpis", out _));
    }

    /// <summary>The test's own reading of the vendor payload: hour (UTC) to apparent temperature.</summary>
    private static async Task<Dictionary<DateTimeOffset, double?>> ApparentTemperaturesAsync(StorageAccount storage, string blobName, CancellationToken ct)
    {
        var content = await storage.Container(StorageNames.RawContainer).GetBlobClient(blobName).DownloadContentAsync(ct);
        using var doc = JsonDocument.Parse(content.Value.Content.ToMemory());
        var hourly = doc.RootElement.GetProperty("hourly");
        var times = hourly.GetProperty("time").EnumerateArray().Select(t => DateTimeOffset.Parse(t.GetString()! + "Z")).ToList();
        var values = hourly.GetProperty("apparent_temperature").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList();
        return times.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>CF(Ta) from data-sources.md section 8, written out independently of the production code.</summary>
    private static double ExpectedComfort(double ta)
    {
        double cf = ta <= 9 ? 1 - 0.02 * (9 - ta) : ta > 26 ? 1 - 0.04 * (ta - 26) : 1;
        return Math.Round(Math.Max(0.2, cf), 4);
    }
}
