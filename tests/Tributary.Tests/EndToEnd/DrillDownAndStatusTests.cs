using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Tributary.Landing;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// The drill-down, sources status, run history and quality routes of /api/v1 on real parts (<see cref="DrillDownStack"/>):
/// from a thermal-comfort bucket to the observations it was computed from to the landed raw page, checked by hash and
/// media type; every source's status; the run history a page at a time; the quality of a range of days; and hostile
/// input of every kind answered with problem+json naming the parameter, never a 5xx.
/// </summary>
public sealed class DrillDownAndStatusTests(DrillDownStack stack) : IClassFixture<DrillDownStack>
{
    private const string Weather = "open-meteo";

    private PipelineHarness App => stack.App;

    [Fact]
    public async Task A_thermal_comfort_bucket_drills_to_its_observations_and_each_to_its_raw_page_with_hash_and_media_type()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        var from = stack.Yesterday.ToDateTime(TimeOnly.MinValue);
        var series = await http.GetFromJsonAsync<JsonElement>(
            $"api/kpis?metric=thermal_comfort&city=oslo&grain=hour&from={from:yyyy-MM-dd'T'HH:mm:ss'Z'}&to={from.AddDays(1):yyyy-MM-dd'T'HH:mm:ss'Z'}", ct);
        var point = series.GetProperty("series")[0].GetProperty("points").EnumerateArray()
            .First(p => p.GetProperty("value").ValueKind == JsonValueKind.Number);
        var bucket = point.GetProperty("t").GetDateTimeOffset();

        using var response = await http.GetAsync($"api/v1/kpis/thermal_comfort/buckets/{bucket:yyyy-MM-dd'T'HH:mm:ss'Z'}/inputs?city=oslo&grain=hour", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.ETag?.IsWeak, "a weak ETag");
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString());
        var drill = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(("thermal_comfort", "oslo", "hour"), (drill.GetProperty("kpi").GetString(), drill.GetProperty("city").GetString(), drill.GetProperty("grain").GetString()));
        Assert.Equal(bucket, drill.GetProperty("bucketStartUtc").GetDateTimeOffset());
        Assert.Equal(bucket.AddHours(1), drill.GetProperty("bucketEndUtc").GetDateTimeOffset());
        Assert.Equal(point.GetProperty("value").GetDouble(), drill.GetProperty("value").GetDouble());
        Assert.Equal(point.GetProperty("inputs").GetInt32(), drill.GetProperty("inputs").GetInt32());
        Assert.Equal(drill.GetProperty("inputs").GetInt32(), drill.GetProperty("inputCounts").GetProperty("apparent_temperature").GetInt32());

        // The observations are the bucket's inputs, exactly: as many as the row counts, each of the hour, each from a
        // page the row's lineage names.
        var observations = drill.GetProperty("observations").EnumerateArray().ToList();
        Assert.False(drill.GetProperty("truncated").GetBoolean());
        Assert.Equal(drill.GetProperty("inputs").GetInt32(), observations.Count);
        Assert.Equal(observations.Count, drill.GetProperty("observationsTotal").GetInt32());
        var lineage = drill.GetProperty("lineage").EnumerateArray().Select(l => (l.GetProperty("blob").GetString(), l.GetProperty("sha256").GetString())).ToList();
        Assert.NotEmpty(lineage);
        foreach (var observation in observations)
        {
            Assert.Equal(("apparent_temperature", Weather), (observation.GetProperty("metric").GetString(), observation.GetProperty("source").GetString()));
            var t = observation.GetProperty("timestampUtc").GetDateTimeOffset();
            Assert.True(t >= bucket && t < bucket.AddHours(1), $"{t:O} is in the bucket");
            Assert.Contains((observation.GetProperty("rawBlob").GetString(), observation.GetProperty("rawSha256").GetString()), lineage);
        }

        // The raw page: its bytes hash to the observation's sha256, served as JSON with its digests, immutable.
        var first = observations[0];
        var (blob, sha) = (first.GetProperty("rawBlob").GetString()!, first.GetProperty("rawSha256").GetString()!);
        Assert.StartsWith($"{Weather}/", blob);
        using var raw = await http.GetAsync($"api/v1/raw/{blob}", ct);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("application/json", raw.Content.Headers.ContentType?.MediaType);
        var bytes = await raw.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(bytes.Length, raw.Content.Headers.ContentLength);
        Assert.Equal(sha, Assert.Single(raw.Headers.GetValues("X-Content-SHA256")));
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", Assert.Single(raw.Headers.GetValues("Repr-Digest")));
        Assert.Equal($"W/\"{sha}\"", raw.Headers.ETag?.ToString());
        Assert.Contains("immutable", raw.Headers.CacheControl?.ToString());
        Assert.Contains("apparent_temperature", Encoding.UTF8.GetString(bytes));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"api/v1/raw/{blob}");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", $"W/\"{sha}\"");
        using var notModified = await http.SendAsync(revalidate, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // The day's bucket pools the day's hours; a limit cuts the list short and says so.
        using var day = await http.GetAsync($"api/v1/kpis/thermal_comfort/buckets/{stack.Yesterday:yyyy-MM-dd}T00:00:00Z/inputs?city=oslo&grain=day&limit=5", ct);
        Assert.Equal(HttpStatusCode.OK, day.StatusCode);
        var pooled = await day.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(pooled.GetProperty("observationsTotal").GetInt32() > 5);
        Assert.Equal(pooled.GetProperty("inputs").GetInt32(), pooled.GetProperty("observationsTotal").GetInt32());
        Assert.True(pooled.GetProperty("truncated").GetBoolean());
        Assert.Equal(5, pooled.GetProperty("observations").GetArrayLength());
    }

    [Fact]
    public async Task Sources_status_summarises_every_manifest_with_schedule_runs_freshness_quality_and_no_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        var before = DateTimeOffset.UtcNow;
        using var response = await http.GetAsync("api/v1/sources", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.ETag?.IsWeak, "a weak ETag");
        var text = await response.Content.ReadAsStringAsync(ct);
        foreach (var secret in PipelineHarness.ReplayCredentials.Values) Assert.DoesNotContain(secret, text);
        var body = JsonDocument.Parse(text).RootElement;
        var sources = body.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Superset(new HashSet<string> { Weather, "entur-jp", "entur-partner", "openaq", "entur-gtfs", "open-meteo-air-quality" }, sources.Keys.ToHashSet());

        var weather = sources[Weather];
        Assert.Equal(("Get", "Cities", "None", "None"), (weather.GetProperty("kind").GetString(), weather.GetProperty("fanOut").GetString(),
            weather.GetProperty("auth").GetProperty("kind").GetString(), weather.GetProperty("paging").GetProperty("kind").GetString()));
        var schedule = weather.GetProperty("schedule");
        Assert.Equal(("IngestWeatherSchedule", PipelineHarness.NeverDuringTests), (schedule.GetProperty("setting").GetString(), schedule.GetProperty("expression").GetString()));
        // Never during tests is 00:00:00 on 1 January: the next one after now, in UTC.
        Assert.Equal(new DateTimeOffset(before.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero), schedule.GetProperty("nextRunUtc").GetDateTimeOffset());

        var runs = weather.GetProperty("recentRuns").EnumerateArray().ToList();
        Assert.Equal(stack.WeatherRuns.Reverse().Select(RunIds.For), runs.Select(r => r.GetProperty("runId").GetString()));
        Assert.All(runs, r => Assert.Equal((IngestionService.Succeeded, 3), (r.GetProperty("outcome").GetString(), r.GetProperty("pages").GetInt32())));
        Assert.All(runs, r => Assert.True(r.GetProperty("requests").GetInt32() >= 3));
        var freshness = weather.GetProperty("freshness");
        Assert.Equal(stack.WeatherRuns[^1], freshness.GetProperty("lastRunUtc").GetDateTimeOffset());
        Assert.Equal(stack.WeatherRuns[^1], freshness.GetProperty("lastSuccessUtc").GetDateTimeOffset());
        Assert.True(freshness.GetProperty("lastSuccessAgeSeconds").GetInt64() > 0);
        Assert.Equal(JsonValueKind.String, freshness.GetProperty("newestObservationUtc").ValueKind);

        var quality = weather.GetProperty("quality");
        Assert.Equal((7, 12, 0), (quality.GetProperty("days").GetInt32(), quality.GetProperty("pages").GetInt32(), quality.GetProperty("failedPages").GetInt32()));
        Assert.Equal($"{stack.Yesterday:yyyy-MM-dd}", quality.GetProperty("latest").GetProperty("day").GetString());
        Assert.Equal(JsonValueKind.Number, quality.GetProperty("latest").GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Array, weather.GetProperty("drift").ValueKind);
        Assert.Equal(0, weather.GetProperty("alerts").GetArrayLength());

        // OpenAQ names its secret, never its value; a source that never ran has no runs and no freshness yet.
        var openAq = sources["openaq"].GetProperty("auth");
        Assert.Equal(("ApiKeyHeader", "X-API-Key", "openaq-api-key"), (openAq.GetProperty("kind").GetString(), openAq.GetProperty("name").GetString(), openAq.GetProperty("secretName").GetString()));
        Assert.Equal(JsonValueKind.Null, sources["entur-gtfs"].GetProperty("freshness").GetProperty("lastSuccessUtc").ValueKind);

        // One source alone says the same, revalidates with its ETag, and an unknown one is a 404 naming it.
        using var one = await http.GetAsync($"api/v1/sources/{Weather}", ct);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var source = (await one.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("source");
        Assert.Equal(Weather, source.GetProperty("id").GetString());
        Assert.Equal("Sources:OpenMeteo", source.GetProperty("manifestSection").GetString());
        using var again = new HttpRequestMessage(HttpMethod.Get, $"api/v1/sources/{Weather}/runs");
        using var runsPage = await http.SendAsync(again, ct);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"api/v1/sources/{Weather}/runs");
        revalidate.Headers.IfNoneMatch.Add(runsPage.Headers.ETag!);
        using var notModified = await http.SendAsync(revalidate, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        await AssertProblemAsync(http, "api/v1/sources/nope", HttpStatusCode.NotFound, "source", "nope", ct);
    }

    [Fact]
    public async Task The_run_history_pages_newest_first_with_continuation_tokens_and_refuses_tampered_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        var seen = new List<string>();
        var pages = 0;
        string? continuation = null;
        string? firstToken = null;
        do
        {
            var route = $"api/v1/sources/{Weather}/runs?limit=3" + (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            var page = await http.GetFromJsonAsync<JsonElement>(route, ct);
            Assert.True(page.GetProperty("runs").GetArrayLength() <= 3);
            seen.AddRange(page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runId").GetString()!));
            continuation = page.GetProperty("continuation").GetString();
            firstToken ??= continuation;
            pages++;
        }
        while (continuation is not null && pages < 10);
        Assert.Equal(stack.WeatherRuns.Reverse().Select(RunIds.For), seen);
        Assert.True(pages >= 2, "more runs than one page");
        Assert.NotNull(firstToken);

        // Tampered tokens: not base64url, base64url of something else, another source's token, one cut short.
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(ToBase64(firstToken!)));
        var otherSource = ToBase64Url(Encoding.UTF8.GetBytes(decoded.Replace($"{Weather}\n", "openaq\n", StringComparison.Ordinal)));
        foreach (var bad in new[] { "!!not-a-token!!", ToBase64Url("PartitionKey ne ''"u8.ToArray()), otherSource, firstToken![..^4], new string('A', 5000) })
        {
            await AssertProblemAsync(http, $"api/v1/sources/{Weather}/runs?continuation={Uri.EscapeDataString(bad)}", HttpStatusCode.BadRequest, "continuation", "not a token", ct);
        }
        foreach (var limit in new[] { "0", "101", "99999999999", "-1", "ten" })
        {
            await AssertProblemAsync(http, $"api/v1/sources/{Weather}/runs?limit={limit}", HttpStatusCode.BadRequest, "limit", "1 to 100", ct);
        }
        await AssertProblemAsync(http, "api/v1/sources/nope/runs", HttpStatusCode.NotFound, "source", "nope", ct);
    }

    [Fact]
    public async Task Quality_serves_the_day_rows_of_a_range_with_a_trend_and_the_pages_of_a_day()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        var (first, last) = (stack.Yesterday.AddDays(-1), stack.Yesterday);
        using var response = await http.GetAsync($"api/v1/quality/{Weather}?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.ETag?.IsWeak, "a weak ETag");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var days = body.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal([$"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}"], days.Select(d => d.GetProperty("day").GetString()));
        Assert.Equal([3, 9], days.Select(d => d.GetProperty("pages").GetInt32()));
        Assert.All(days, d => Assert.InRange(d.GetProperty("score").GetDouble(), 0, 1));
        Assert.All(days, d => Assert.True(d.GetProperty("observations").GetInt32() > 0));
        var trend = body.GetProperty("trend");
        Assert.Equal(2, trend.GetProperty("scoredDays").GetInt32());
        var scores = days.Select(d => d.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores[1] - scores[0], trend.GetProperty("slopePerDay").GetDouble(), 5);
        Assert.Equal(JsonValueKind.Null, trend.GetProperty("previous7Mean").ValueKind);

        var pages = await http.GetFromJsonAsync<JsonElement>($"api/v1/quality/{Weather}/pages?day={last:yyyy-MM-dd}", ct);
        var rows = pages.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.StartsWith($"{Weather}/{last:yyyy'/'MM'/'dd}/", r.GetProperty("rawBlob").GetString()));
        Assert.Equal(stack.WeatherRuns.Skip(1).Select(RunIds.For).Order(), rows.Select(r => r.GetProperty("runId").GetString()).Distinct().Order());

        await AssertProblemAsync(http, $"api/v1/quality/{Weather}?from={last:yyyy-MM-dd}&to={first:yyyy-MM-dd}", HttpStatusCode.BadRequest, "to", "before 'from'", ct);
        await AssertProblemAsync(http, $"api/v1/quality/{Weather}?from=2024-01-01&to=2026-01-01", HttpStatusCode.BadRequest, "to", "at most 366 days", ct);
        await AssertProblemAsync(http, $"api/v1/quality/{Weather}?from=2026-02-30", HttpStatusCode.BadRequest, "from", "yyyy-MM-dd", ct);
        await AssertProblemAsync(http, $"api/v1/quality/{Weather}/pages", HttpStatusCode.BadRequest, "day", "required", ct);
        await AssertProblemAsync(http, $"api/v1/quality/{Weather}/pages?day=9999-99-99", HttpStatusCode.BadRequest, "day", "yyyy-MM-dd", ct);
        await AssertProblemAsync(http, $"api/v1/quality/{Uri.EscapeDataString("x' or PartitionKey ne '")}", HttpStatusCode.NotFound, "source", "Unknown source", ct);
    }

    [Fact]
    public async Task Hostile_drill_down_requests_get_problem_details_naming_the_parameter()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        var hour = $"{stack.Yesterday:yyyy-MM-dd}T06:00:00Z";
        const string route = "api/v1/kpis/thermal_comfort/buckets";
        await AssertProblemAsync(http, $"api/v1/kpis/nope/buckets/{hour}/inputs?city=oslo", HttpStatusCode.NotFound, "kpi", "Unknown KPI 'nope'", ct);
        await AssertProblemAsync(http, $"{route}/not-a-time/inputs?city=oslo", HttpStatusCode.BadRequest, "bucketStart", "ISO-8601", ct);
        await AssertProblemAsync(http, $"{route}/{stack.Yesterday:yyyy-MM-dd}T06:30:00Z/inputs?city=oslo", HttpStatusCode.BadRequest, "bucketStart", "not the start", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs?city=oslo&grain=day", HttpStatusCode.BadRequest, "bucketStart", "not the start of a UTC day", ct);
        await AssertProblemAsync(http, $"{route}/1900-01-01T00:00:00Z/inputs?city=oslo", HttpStatusCode.BadRequest, "bucketStart", "between", ct);
        await AssertProblemAsync(http, $"{route}/2031-01-01T00:00:00Z/inputs?city=oslo", HttpStatusCode.NotFound, "bucketStart", "has no hour bucket", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs?city=oslo&grain=week", HttpStatusCode.BadRequest, "grain", "'hour' or 'day'", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs", HttpStatusCode.BadRequest, "city", "required", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs?city={Uri.EscapeDataString("oslo' or PartitionKey ne '")}", HttpStatusCode.NotFound, "city", "Unknown city", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs?city=oslo&stop=NSR:StopPlace:1", HttpStatusCode.BadRequest, "stop", "per city only", ct);
        await AssertProblemAsync(http, $"api/v1/kpis/on_time_performance/buckets/{hour}/inputs?city=oslo&stop={Uri.EscapeDataString("x' or RowKey ne '")}", HttpStatusCode.BadRequest, "stop", "not a stop place id", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs?city=oslo&limit=0", HttpStatusCode.BadRequest, "limit", "1 to 2000", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs?city=oslo&limit=2001", HttpStatusCode.BadRequest, "limit", "1 to 2000", ct);
        await AssertProblemAsync(http, $"{route}/{hour}/inputs?city=oslo&limit={new string('9', 300)}", HttpStatusCode.BadRequest, "limit", "1 to 2000", ct);
    }

    [Fact]
    public async Task Raw_payloads_are_served_only_for_landed_page_names_and_within_the_size_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        var raw = App.Storage.Container(StorageNames.RawContainer);
        var landed = new List<string>();
        await foreach (var item in raw.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{Weather}/" }, ct)) landed.Add(item.Name);
        var page = landed.First(n => n.EndsWith("/oslo.json", StringComparison.Ordinal));
        var run = page.Split('/')[4];
        var dayPath = string.Join('/', page.Split('/')[1..4]);

        foreach (var (name, detail) in new[]
                 {
                     ($"{Weather}%2F{dayPath}%2F{run}%2Foslo.json", "not a raw page's name"),                 // encoded slashes
                     ($"{Weather}/{dayPath}/{run}/%2E%2E%2Foslo.json", "not a raw page's name"),              // encoded traversal
                     ($"{Weather}/{dayPath}/{run}/..%5C..%5Cquarantine%5Coslo.json", "not a raw page's name"), // backslashes
                     ($"{Weather}/{dayPath}/{run}/oslo.exe", "does not end in"),
                     ($"{Weather}/2026/13/40/{run}/oslo.json", "no UTC landing day"),
                     ($"{Weather}/{dayPath}/oslo.json", "not a raw page's name"),
                     ($"{page}.rejects.json/x", "not a raw page's name"),
                     (new string('a', 2000) + ".json", "longer than"),
                 })
        {
            await AssertProblemAsync(http, $"api/v1/raw/{name}", HttpStatusCode.BadRequest, "blob", detail, ct);
        }

        // Well formed but not landed: another container's blob, an unknown source, a page the manifest cannot place, no such page.
        await AssertProblemAsync(http, $"api/v1/raw/quarantine/{dayPath}/{run}/oslo.json", HttpStatusCode.NotFound, "blob", "No source 'quarantine'", ct);
        await AssertProblemAsync(http, $"api/v1/raw/nope/{dayPath}/{run}/oslo.json", HttpStatusCode.NotFound, "blob", "No source 'nope'", ct);
        await AssertProblemAsync(http, $"api/v1/raw/openaq/{dayPath}/{run}/not-a-sensor.json", HttpStatusCode.NotFound, "blob", "matches no item", ct);
        await AssertProblemAsync(http, $"api/v1/raw/{Weather}/{dayPath}/20000101T0000Z/oslo.json", HttpStatusCode.NotFound, "blob", "was landed", ct);

        // A blob under a page's name that Tributary did not land (no sha256) is not served; neither is one over the limit.
        var foreign = $"{Weather}/{dayPath}/manual/oslo.json";
        await raw.GetBlobClient(foreign).UploadAsync(BinaryData.FromString("{}"), overwrite: true, ct);
        await AssertProblemAsync(http, $"api/v1/raw/{foreign}", HttpStatusCode.NotFound, "blob", "not landed by Tributary", ct);
        var large = new byte[DrillDownStack.MaxRawBytes + 1];
        var largeName = $"{Weather}/{dayPath}/large/oslo.json";
        await raw.GetBlobClient(largeName).UploadAsync(new BinaryData(large), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [RawPayloadStore.Sha256Metadata] = Convert.ToHexStringLower(SHA256.HashData(large)) },
        }, ct);
        var problem = await AssertProblemAsync(http, $"api/v1/raw/{largeName}", HttpStatusCode.RequestEntityTooLarge, "blob", $"limit of {DrillDownStack.MaxRawBytes} bytes", ct);
        Assert.Equal(DrillDownStack.MaxRawBytes, problem.GetProperty("limit").GetInt64());

        // A range of a landed page is served from the same verified bytes.
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"api/v1/raw/{page}");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var partial = await http.SendAsync(ranged, ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(10, (await partial.Content.ReadAsByteArrayAsync(ct)).Length);
    }

    [Fact]
    public async Task Run_a_source_now_answers_202_with_the_run_id_and_the_run_appears_in_its_history()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = App.Client(PipelineHarness.MasterKey);
        using var anonymous = App.Client();
        using var refused = await anonymous.PostAsync("api/v1/admin/sources/openaq/run", null, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await AssertProblemAsync(admin, "api/v1/admin/sources/nope/run", HttpStatusCode.NotFound, "source", "nope", ct, HttpMethod.Post);

        var before = DateTimeOffset.UtcNow;
        using var started = await admin.PostAsync("api/v1/admin/sources/openaq/run", null, ct);
        var after = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("/api/v1/sources/openaq/runs", started.Headers.Location?.OriginalString);
        var accepted = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
        var runId = accepted.GetProperty("runId").GetString()!;
        Assert.Contains(runId, new[] { RunIds.For(before), RunIds.For(after) });

        // The run goes through the timers' path: its record appears in the history, and its pages are curated.
        using var http = App.Client();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        JsonElement? run = null;
        while (run is null)
        {
            deadline.Token.ThrowIfCancellationRequested();
            var page = await http.GetFromJsonAsync<JsonElement>("api/v1/sources/openaq/runs?limit=5", deadline.Token);
            run = page.GetProperty("runs").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(r => r!.Value.GetProperty("runId").GetString() == runId);
            if (run is null) await Task.Delay(200, deadline.Token);
        }
        Assert.Equal(IngestionService.Succeeded, run.Value.GetProperty("outcome").GetString());
        Assert.True(run.Value.GetProperty("requests").GetInt32() > 0, "the run called the vendor");
        // The replay's clock is yesterday's, so how many hours OpenAQ has for the real now varies; the pages it landed are curated.
        if (run.Value.GetProperty("pages").GetInt32() == 0) return;
        await App.Invocations.WaitForAsync(r => r.Any(x => x.FunctionName == "Curate" && x.Succeeded &&
                                                           x.Request.TriggerMetadata["QueueTrigger"].String.Contains($"openaq/", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90), "the run's pages to be curated");
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpClient http, string route, HttpStatusCode expected, string parameter, string detail,
        CancellationToken ct, HttpMethod? method = null)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, route), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(expected == response.StatusCode, $"{route}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("detail").GetString()!.Length < 600, "a hostile value is not echoed whole");
        return problem;
    }

    private static string ToBase64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
