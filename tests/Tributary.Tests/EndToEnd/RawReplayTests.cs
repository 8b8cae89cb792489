using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Tributary.LocalHost.Invocations;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// Replay from raw on real parts: landed raw blobs are queued for curation again through the admin route (or the
/// command line) without calling the vendor, day by day on queue <c>replay</c>, and curate and aggregate run as
/// usual. Without a change the tables stay as they were; after a mapping change the observations and KPIs follow.
/// </summary>
public sealed class RawReplayTests
{
    private const string Source = "open-meteo";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly string[] Cities = ["bergen", "oslo", "trondheim"];
    private static readonly string[] Tables = [StorageNames.ObservationsTable, StorageNames.KpisTable];

    // Two scheduled weather runs on consecutive days: their pages land under 2026/11/21 and 2026/11/22.
    private static readonly DateTimeOffset FirstRun = new(2026, 11, 21, 6, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondRun = FirstRun.AddDays(1);

    [Fact]
    public async Task A_replay_without_a_change_queues_exactly_the_landed_blobs_reaches_done_and_leaves_the_tables_as_they_were()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
            replayTime: new FakeTimeProvider(SecondRun));
        await app.FireTimerAsync("IngestWeather", FirstRun, ct);
        await app.FireTimerAsync("IngestWeather", SecondRun, ct);
        await WaitForAsync(app, replayDays: 0, curates: 6, aggregates: 6, "both runs to be curated and aggregated");
        var landed = await RawBlobsAsync(app, ct);
        Assert.Equal(6, landed.Count);

        // A blob Tributary did not land (no sha256 in its metadata) is reported as skipped, never queued.
        const string foreign = "open-meteo/2026/11/20/manual/oslo.json";
        await app.Storage.Container(StorageNames.RawContainer).GetBlobClient(foreign).UploadAsync(BinaryData.FromString("{}"), ct);
        var before = await SnapshotAsync(app);
        var qualityBefore = await QualityAsync(app, ct);
        Assert.Equal(6, qualityBefore.Count);

        using var http = app.Client(PipelineHarness.MasterKey);
        const string route = "api/admin/replay/open-meteo?from=2026-11-20&to=2026-11-22";
        const string id = "20261120-20261122-g1";
        using var started = await http.PostAsync(route, null, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/admin/replay/{Source}/{id}", started.Headers.Location?.OriginalString);
        var accepted = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal((id, 3, 1), (accepted.GetProperty("id").GetString(), accepted.GetProperty("daysTotal").GetInt32(), accepted.GetProperty("generation").GetInt32()));

        // The same request again is the same replay: 200 with its status, nothing queued a second time.
        using var duplicate = await http.PostAsync(route, null, ct);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Equal(id, (await duplicate.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString());

        await WaitForAsync(app, replayDays: 3, curates: 12, aggregates: 12, "the replay's three days and its six pages");
        var status = await http.GetFromJsonAsync<JsonElement>($"api/admin/replay/{Source}/{id}", ct);
        Assert.Equal("Done", status.GetProperty("status").GetString());
        Assert.Equal((3, 3, 6, 1), (status.GetProperty("daysTotal").GetInt32(), status.GetProperty("daysDone").GetInt32(),
            status.GetProperty("blobsQueued").GetInt32(), status.GetProperty("blobsSkipped").GetInt32()));
        Assert.Equal(JsonValueKind.String, status.GetProperty("finishedUtc").ValueKind);
        var skipped = Assert.Single(status.GetProperty("skipped").EnumerateArray());
        Assert.Equal(foreign, skipped.GetProperty("blob").GetString());
        Assert.Contains("sha256", skipped.GetProperty("reason").GetString());

        // Exactly the landed blobs were queued, each once, and curation changed no observation and no KPI: values and
        // ETags alike. Each page's quality row is unchanged too: it names the run that landed the page, not the replay.
        Assert.Equal(landed, CuratedBlobs(app).Skip(6).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(app.Invocations.Snapshot(), r => !r.Succeeded);
        await AssertUnchangedAsync(app, before);
        var quality = await QualityAsync(app, ct);
        Assert.Equal(qualityBefore, quality);
        Assert.All(quality, q => Assert.Equal(q.RawBlob.Split('/')[4], q.RunId));

        // Running the range again on purpose is the next generation: it replays everything once more, still changing nothing.
        using var forced = await http.PostAsync(route + "&force=true", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, forced.StatusCode);
        Assert.Equal("20261120-20261122-g2", (await forced.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString());
        await WaitForAsync(app, replayDays: 6, curates: 18, aggregates: 18, "the second generation");
        // Exact counts: the duplicate POST above queued no days and no pages of its own.
        Assert.Equal((6, 18), (Count(app.Invocations.Snapshot(), "ReplayDay"), Count(app.Invocations.Snapshot(), "Curate")));
        await AssertUnchangedAsync(app, before);

        // The command line does the same, one day after another in its own process; the running app curates what it queues.
        var cli = await RunReplayCommandAsync(azurite, ["--source", Source, "--from", "2026-11-22", "--to", "2026-11-22", "--generation", "7"], ct);
        Assert.True(cli.ExitCode == 0, cli.Output + cli.Error);
        Assert.Contains("[1/1] 2026-11-22: 3 blob(s) queued for curation, 0 skipped", cli.Output);
        Assert.Contains("open-meteo replay 20261122-20261122-g7: Done, 1 of 1 day(s), 3 blob(s) queued for curation, 0 skipped.", cli.Output);
        await WaitForAsync(app, replayDays: 6, curates: 21, aggregates: 21, "the pages the command line queued");
        var again = await RunReplayCommandAsync(azurite, ["--source", Source, "--from", "2026-11-22", "--to", "2026-11-22", "--generation", "7"], ct);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Contains("exists already (Done); nothing was queued again", again.Output);
        await AssertUnchangedAsync(app, before);
    }

    [Fact]
    public async Task A_replay_after_a_mapping_change_updates_observations_and_thermal_comfort_without_calling_the_vendor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        var clock = new FakeTimeProvider(SecondRun);
        var kpisRoute = $"api/kpis?metric=thermal_comfort&city=oslo&from=2026-11-21T00:00:00Z&to=2026-11-24T00:00:00Z";

        // Ingested and curated with the shipped mapping (apparent temperature in °C, as the page's hourly_units say).
        Dictionary<DateTimeOffset, double> shippedApparent, shippedAir;
        Dictionary<DateTimeOffset, double?> shippedComfort;
        int shippedGaps;
        await using (var shipped = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct, replayTime: clock))
        {
            await shipped.FireTimerAsync("IngestWeather", SecondRun, ct);
            await WaitForAsync(shipped, replayDays: 0, curates: 3, aggregates: 3, "the run to be curated and aggregated");
            (shippedApparent, shippedAir) = (await ValuesAsync(shipped, "apparent_temperature", ct), await ValuesAsync(shipped, "air_temperature", ct));
            shippedComfort = await ComfortAsync(shipped, kpisRoute, ct);
            shippedGaps = (await ObservationsAsync(shipped.Storage, "apparent_temperature", ct)).Count(r => r.GetDouble("Value") is null);
        }
        Assert.Equal(72, shippedApparent.Count + shippedGaps); // The run's three days, hourly; the vendor leaves some hours out.
        Assert.All(shippedApparent, p => Assert.Equal(ExpectedComfort(p.Value), shippedComfort[p.Key]!.Value, 4));

        // The fix: the host restarted with the mapping changed by app settings, so apparent temperature is read as
        // °F (the page's unit field is ignored) and converted; the vendor now refuses and records every call.
        await using var vendor = await UnreachableVendor.StartAsync(ct);
        var fahrenheit = new Dictionary<string, string?>
        {
            ["Sources:OpenMeteo:BaseUrl"] = vendor.BaseUrl.ToString(),
            ["Sources:OpenMeteo:Mapping:Values:1:UnitField"] = "hourly_units.not_sent_by_the_vendor",
            ["Sources:OpenMeteo:Mapping:Values:1:VendorUnit"] = "°F",
        };
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
            handlerSettings: fahrenheit, replayTime: clock);
        using var http = app.Client(PipelineHarness.MasterKey);
        using var started = await http.PostAsync($"api/admin/replay/{Source}?from=2026-11-22&to=2026-11-22", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await WaitForAsync(app, replayDays: 1, curates: 3, aggregates: 3, "the replayed pages to be curated and aggregated");
        var status = await http.GetFromJsonAsync<JsonElement>($"api/admin/replay/{Source}/20261122-20261122-g1", ct);
        Assert.Equal(("Done", 3), (status.GetProperty("status").GetString(), status.GetProperty("blobsQueued").GetInt32()));

        // Apparent temperature is now the same numbers converted from °F; air temperature is untouched.
        var apparent = await ValuesAsync(app, "apparent_temperature", ct);
        Assert.Equal(shippedApparent.Keys.Order(), apparent.Keys.Order());
        Assert.All(apparent, p => Assert.Equal(Math.Round((shippedApparent[p.Key] - 32) * 5 / 9, 6), p.Value, 6));
        Assert.Equal(shippedAir, await ValuesAsync(app, "air_temperature", ct));

        // The KPI follows its input: every hour's thermal comfort is recomputed from the converted temperature.
        var comfort = await ComfortAsync(app, kpisRoute, ct);
        Assert.Equal(shippedComfort.Keys.Order(), comfort.Keys.Order());
        Assert.All(apparent, p => Assert.Equal(ExpectedComfort(p.Value), comfort[p.Key]!.Value, 4));
        Assert.Contains(apparent, p => comfort[p.Key] != shippedComfort[p.Key]);
        Assert.Empty(vendor.Requests);
        Assert.DoesNotContain(app.Invocations.Snapshot(), r => !r.Succeeded);
    }

    [Fact]
    public async Task Bad_replay_requests_get_problem_details_naming_the_parameter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        using var http = app.Client(PipelineHarness.MasterKey);

        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/nope?from=2026-11-20&to=2026-11-22", HttpStatusCode.NotFound, "source", "open-meteo", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-11-22&to=2026-11-20", HttpStatusCode.BadRequest, "to", "is before 'from'", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2025-01-01&to=2026-01-02", HttpStatusCode.BadRequest, "to", "at most 366 days", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-13-01&to=2026-11-20", HttpStatusCode.BadRequest, "from", "yyyy-MM-dd", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-11-20T00:00:00Z&to=2026-11-20", HttpStatusCode.BadRequest, "from", "yyyy-MM-dd", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-11-20", HttpStatusCode.BadRequest, "to", "'to' is required", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-11-20&to=2026-11-20&generation=0", HttpStatusCode.BadRequest, "generation", "1 to 9999", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-11-20&to=2026-11-20&generation=2&force=true", HttpStatusCode.BadRequest, "force", "not both", ct);
        await AssertProblemAsync(http, HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-11-20&to=2026-11-20&force=yes", HttpStatusCode.BadRequest, "force", "true or false", ct);
        await AssertProblemAsync(http, HttpMethod.Get, "api/admin/replay/open-meteo/not-an-id", HttpStatusCode.BadRequest, "id", "20261120-20261122-g1", ct);
        await AssertProblemAsync(http, HttpMethod.Get, "api/admin/replay/open-meteo/20261120-20261122-g1", HttpStatusCode.NotFound, "id", "has no replay", ct);
        await AssertProblemAsync(http, HttpMethod.Get, "api/admin/replay/nope/20261120-20261122-g1", HttpStatusCode.NotFound, "source", "open-meteo", ct);

        // Admin only: without the function key the route does not open.
        using var anonymous = app.Client();
        using var refused = await anonymous.PostAsync("api/admin/replay/open-meteo?from=2026-11-20&to=2026-11-20", null, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain(app.Invocations.Snapshot(), r => r.FunctionName == "ReplayDay");

        // The command line: a clear message naming the argument, the usage, and a non-zero exit.
        foreach (var (args, expected) in new (string[], string)[]
                 {
                     (["--from", "2026-11-20", "--to", "2026-11-22"], "'--source' is required"),
                     (["--source", "nope", "--from", "2026-11-20", "--to", "2026-11-22"], "Unknown source 'nope'"),
                     (["--source", Source, "--from", "2026-11-22", "--to", "2026-11-20"], "'to' (2026-11-20) is before 'from' (2026-11-22)"),
                     (["--source", Source, "--from", "2026-11-20", "--to", "22/11/2026"], "'to' must be a UTC day as yyyy-MM-dd"),
                     (["--source", Source, "--from", "2024-01-01", "--to", "2026-01-01"], "at most 366 days"),
                     (["--source", Source, "--from", "2026-11-20", "--to", "2026-11-22", "--genration", "2"], "Unknown argument '--genration'"),
                     (["--source", Source, "--from", "2026-11-20", "--to"], "'--to' needs a value"),
                 })
        {
            var result = await RunReplayCommandAsync(azurite, args, ct);
            Assert.True(result.ExitCode == 2, $"exit {result.ExitCode} for {string.Join(' ', args)}: {result.Output}{result.Error}");
            Assert.Contains(expected, result.Error);
            Assert.Contains("Usage: Tributary.Functions replay --source ID", result.Error);
        }
    }

    private static async Task AssertProblemAsync(HttpClient http, HttpMethod method, string route, HttpStatusCode expected, string parameter, string detail, CancellationToken ct)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, route), ct);
        Assert.True(expected == response.StatusCode, $"{method} {route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        if (expected == HttpStatusCode.BadRequest) Assert.Equal($"Invalid parameter '{parameter}'", problem.GetProperty("title").GetString());
    }

    private static Task<FunctionAppCommand.Result> RunReplayCommandAsync(AzuriteProcess azurite, string[] args, CancellationToken ct) =>
        FunctionAppCommand.RunAsync(["replay", .. args], new Dictionary<string, string> { [StorageNames.ConnectionSetting] = azurite.ConnectionString }, ct);

    private static Task WaitForAsync(PipelineHarness app, int replayDays, int curates, int aggregates, string what) =>
        app.Invocations.WaitForAsync(r => Count(r, "ReplayDay") >= replayDays && Count(r, "Curate") >= curates && Count(r, "Aggregate") >= aggregates,
            Deadline, what);

    private static int Count(IReadOnlyList<InvocationRecord> records, string function) => records.Count(r => r.FunctionName == function && r.Succeeded);

    /// <summary>The blob each curate invocation was asked for, in the order the host invoked them.</summary>
    private static IEnumerable<string> CuratedBlobs(PipelineHarness app) =>
        app.Invocations.Snapshot().Where(r => r.FunctionName == "Curate")
            .Select(r => JsonDocument.Parse(r.Request.TriggerMetadata["QueueTrigger"].String).RootElement.GetProperty("blob").GetString()!);

    private static async Task<List<string>> RawBlobsAsync(PipelineHarness app, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var blob in app.Storage.Container(StorageNames.RawContainer).GetBlobsAsync(cancellationToken: ct)) names.Add(blob.Name);
        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<global::Tributary.Quality.PageQuality>> QualityAsync(PipelineHarness app, CancellationToken ct)
    {
        var pages = new List<global::Tributary.Quality.PageQuality>();
        foreach (var blob in await RawBlobsAsync(app, ct))
        {
            if (await app.Quality.GetAsync(Source, blob, ct) is { } page) pages.Add(page);
        }
        return pages;
    }

    private static Task<IReadOnlyList<string>[]> SnapshotAsync(PipelineHarness app) =>
        Task.WhenAll(Tables.Select(t => TableSnapshot.TakeAsync(app.Storage, t)));

    private static async Task AssertUnchangedAsync(PipelineHarness app, IReadOnlyList<string>[] before)
    {
        var after = await SnapshotAsync(app);
        for (var i = 0; i < Tables.Length; i++)
        {
            Assert.NotEmpty(before[i]);
            Assert.Equal(before[i], after[i]);
        }
    }

    /// <summary>Oslo's values of one metric from table <c>observations</c>, by hour (null values left out).</summary>
    private static async Task<Dictionary<DateTimeOffset, double>> ValuesAsync(PipelineHarness app, string metric, CancellationToken ct)
    {
        var values = new Dictionary<DateTimeOffset, double>();
        foreach (var row in await ObservationsAsync(app.Storage, metric, ct))
        {
            if (row.GetDouble("Value") is { } value) values[row.GetDateTimeOffset("TimestampUtc")!.Value] = value;
        }
        return values;
    }

    private static async Task<List<TableEntity>> ObservationsAsync(StorageAccount storage, string metric, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        foreach (var day in new[] { "20261121", "20261122", "20261123" })
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"oslo|" + day} and RowKey ge {metric + "|"} and RowKey lt {metric + "|~"} and Source eq {Source}");
            await foreach (var row in storage.Table(StorageNames.ObservationsTable).QueryAsync<TableEntity>(filter, cancellationToken: ct)) rows.Add(row);
        }
        return rows;
    }

    /// <summary>Oslo's thermal comfort as the KPI API serves it, by hour.</summary>
    private static async Task<Dictionary<DateTimeOffset, double?>> ComfortAsync(PipelineHarness app, string route, CancellationToken ct)
    {
        using var http = app.Client();
        var body = await http.GetFromJsonAsync<JsonElement>(route, ct);
        var series = Assert.Single(body.GetProperty("series").EnumerateArray());
        return series.GetProperty("points").EnumerateArray().ToDictionary(
            p => p.GetProperty("t").GetDateTimeOffset(),
            p => p.GetProperty("value").ValueKind == JsonValueKind.Number ? p.GetProperty("value").GetDouble() : (double?)null);
    }

    /// <summary>CF(Ta) from data-sources.md section 8, written out independently of the production code.</summary>
    private static double ExpectedComfort(double ta)
    {
        var cf = ta <= 9 ? 1 - 0.02 * (9 - ta) : ta > 26 ? 1 - 0.04 * (ta - 26) : 1;
        return Math.Round(Math.Max(0.2, cf), 4);
    }
}
