using System.Net;
using System.Text.Json;
using Tributary.Curation;
using Tributary.Marts.Kpis;
using Tributary.Storage;
using static Tributary.Tests.EndToEnd.KpiReadsV1Fixture;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// The v1 reads through the real local host and worker over <see cref="KpiReadsV1Fixture"/>'s rows: the catalog, a
/// downsampled series, a stop place's series, hand-computed statistics, revalidation, and hostile inputs.
/// </summary>
public sealed class KpiReadsV1Tests(KpiReadsV1Fixture fixture) : IClassFixture<KpiReadsV1Fixture>
{
    private const string ThreeDays = "from=2026-10-01T00:00:00Z&to=2026-10-04T00:00:00Z";

    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string route)
    {
        using var http = fixture.App.Client();
        var response = await http.GetAsync(route, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Catalog_lists_kpis_with_their_data_range_cities_stop_places_and_sources()
    {
        var (response, body) = await GetAsync("api/v1/catalog");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());

        var kpis = body.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);
        Assert.Equal(9, kpis.Count);
        var comfort = kpis[ThermalComfortFactor.KpiId];
        Assert.Equal("1", comfort.GetProperty("unit").GetString());
        Assert.Equal(["hour", "day"], comfort.GetProperty("grains").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["city"], comfort.GetProperty("dimensions").EnumerateArray().Select(g => g.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(comfort.GetProperty("description").GetString()));
        // From the first hour's start to the last day bucket's end.
        Assert.Equal((Start, Start.AddDays(3)), Range(comfort.GetProperty("data")));
        var otp = kpis[OnTimePerformance.KpiId];
        Assert.Equal(["city", "stopPlace"], otp.GetProperty("dimensions").EnumerateArray().Select(g => g.GetString()));
        // The seeded hours; or through the end of 2 October once the eviction test (same fixture, any order) has aggregated a departure there.
        Assert.Contains(Range(otp.GetProperty("data")), new[] { (Start.AddHours(7), Start.AddHours(10)), (Start.AddHours(7), Start.AddDays(2)) });
        Assert.Equal(JsonValueKind.Null, kpis[Pm25AqiEquivalent.KpiId].GetProperty("data").ValueKind);
        Assert.Equal((Start, Start.AddDays(3)), Range(body.GetProperty("data")));

        var oslo = body.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "oslo");
        Assert.Equal(("Oslo", 59.9139, 10.7522), (oslo.GetProperty("name").GetString(), oslo.GetProperty("latitude").GetDouble(), oslo.GetProperty("longitude").GetDouble()));

        var stops = body.GetProperty("stopPlaces").EnumerateArray().ToList();
        Assert.Equal(["NSR:StopPlace:2", "NSR:StopPlace:1"], stops.Select(s => s.GetProperty("id").GetString())); // bergen, then oslo
        Assert.Equal(("Jernbanetorget", "oslo", 59.9115), (stops[1].GetProperty("name").GetString(), stops[1].GetProperty("city").GetString(), stops[1].GetProperty("latitude").GetDouble()));
        // A parent station without a row of its own: no name, at its quay.
        Assert.Equal((JsonValueKind.Null, "bergen", 60.397), (stops[0].GetProperty("name").ValueKind, stops[0].GetProperty("city").GetString(), stops[0].GetProperty("latitude").GetDouble()));
        Assert.False(body.GetProperty("stopPlacesTruncated").GetBoolean());

        var sources = body.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal("get", sources["open-meteo"].GetProperty("kind").GetString());
        Assert.Equal("graphql", sources["entur-jp"].GetProperty("kind").GetString());
        Assert.Equal("download", sources["entur-gtfs"].GetProperty("kind").GetString());
        Assert.True(sources["openaq"].GetProperty("enabled").GetBoolean());
        Assert.Contains("GTFS", sources["entur-gtfs"].GetProperty("description").GetString());
        // A push source says what an upload to it must be (the upload page checks a file against it); pulled ones take none.
        var upload = sources["city-counters"].GetProperty("upload");
        Assert.Equal((1048576, "x-tributary-key"), (upload.GetProperty("maxBytes").GetInt64(), upload.GetProperty("keyHeader").GetString()));
        Assert.Equal(["time", "city", "cyclists", "pedestrians"], upload.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
        Assert.Contains("text/csv", upload.GetProperty("mediaTypes").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sources["open-meteo"].GetProperty("upload").ValueKind);

        // Revalidation.
        using var http = fixture.App.Client();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "api/v1/catalog");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await http.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Three_days_hourly_downsample_to_max_points_with_lttb_and_keep_null_gaps()
    {
        var (response, body) = await GetAsync($"api/v1/kpis/thermal_comfort/series?city=oslo&{ThreeDays}&maxPoints=20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, body.GetProperty("maxPoints").GetInt32());
        var series = Assert.Single(body.GetProperty("series").EnumerateArray());
        Assert.Equal("lttb", series.GetProperty("method").GetString());
        // 72 hours, nulls at 3, 13, ..., 63 (seven runs of one): each run kept as a gap marker, 13 values picked by LTTB.
        Assert.Equal((72, 7, 20, 7), (series.GetProperty("rawPoints").GetInt32(), series.GetProperty("rawNulls").GetInt32(),
            series.GetProperty("returnedPoints").GetInt32(), series.GetProperty("returnedNulls").GetInt32()));
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(20, points.Count);
        var hours = points.Select(p => (int)(p.GetProperty("t").GetDateTimeOffset() - Start).TotalHours).ToList();
        Assert.Equal(0, hours[0]);
        Assert.Equal(71, hours[^1]);
        Assert.Equal(hours.Order(), hours);
        // Every point is a stored bucket as it was written.
        foreach (var (point, hour) in points.Zip(hours))
        {
            if (Oslo(hour) is { } value)
            {
                Assert.Equal(value, point.GetProperty("value").GetDouble());
                Assert.Equal((2, 1, 1.0), (point.GetProperty("inputs").GetInt32(), point.GetProperty("used").GetInt32(), point.GetProperty("coverage").GetDouble()));
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, point.GetProperty("value").ValueKind);
                Assert.Equal("missing_apparent_temperature", point.GetProperty("reason").GetString());
            }
        }
        Assert.Equal([3, 13, 23, 33, 43, 53, 63], hours.Where(h => Oslo(h) is null));

        // Under the default maxPoints nothing is dropped; day grain gives the three days.
        var (_, whole) = await GetAsync($"api/v1/kpis/thermal_comfort/series?city=oslo&{ThreeDays}");
        var all = Assert.Single(whole.GetProperty("series").EnumerateArray());
        Assert.Equal(("none", 72, 72), (all.GetProperty("method").GetString(), all.GetProperty("rawPoints").GetInt32(), all.GetProperty("points").GetArrayLength()));
        var (_, daily) = await GetAsync($"api/v1/kpis/thermal_comfort/series?city=oslo&grain=day&{ThreeDays}");
        Assert.Equal([0.7, 0.8, 0.9], daily.GetProperty("series")[0].GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));

        // No city: every configured city, each its own series (trondheim has none of these rows).
        var (_, cities) = await GetAsync($"api/v1/kpis/thermal_comfort/series?{ThreeDays}&maxPoints=20");
        Assert.Equal([("oslo", 20), ("bergen", 6), ("trondheim", 0)],
            cities.GetProperty("series").EnumerateArray().Select(s => (s.GetProperty("city").GetString(), s.GetProperty("returnedPoints").GetInt32())));
    }

    [Fact]
    public async Task A_stop_place_series_finds_its_city()
    {
        var (response, body) = await GetAsync("api/v1/kpis/on_time_performance/series?stop=NSR:StopPlace:1&from=2026-10-01&to=2026-10-02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NSR:StopPlace:1", body.GetProperty("stopPlace").GetString());
        var series = Assert.Single(body.GetProperty("series").EnumerateArray());
        Assert.Equal(("oslo", "NSR:StopPlace:1"), (series.GetProperty("city").GetString(), series.GetProperty("stopPlace").GetString()));
        Assert.Equal([50.0, 75.0, 100.0], series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));

        var (_, stats) = await GetAsync("api/v1/kpis/on_time_performance/stats?stop=NSR:StopPlace:1&city=oslo&from=2026-10-01&to=2026-10-02");
        Assert.Equal(75, stats.GetProperty("overall").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task Stats_of_the_raw_buckets_equal_hand_computed_values()
    {
        var (response, body) = await GetAsync("api/v1/kpis/thermal_comfort/stats?city=bergen&from=2026-10-01T00:00:00Z&to=2026-10-01T06:00:00Z");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("type 7", body.GetProperty("percentileMethod").GetString());
        Assert.Contains("sample", body.GetProperty("deviationMethod").GetString());
        // Bergen 0.2, 0.4, null, 0.6, 0.8, 1.0: sorted values 0.2 0.4 0.6 0.8 1.0.
        //   mean 3.0 / 5 = 0.6; median 0.6; p95: h = 4 * 0.95 = 3.8 -> 0.8 + 0.8 * 0.2 = 0.96;
        //   sample SD: squares 0.16 0.04 0 0.04 0.16 = 0.4, / 4 = 0.1, sqrt = 0.316228;
        //   coverage (1 + 1 + 0 + 1 + 1 + 0.5) / 6 = 0.75; 5 of 6 stored buckets valued, and 5 of the range's 6 hours.
        var stats = Assert.Single(body.GetProperty("series").EnumerateArray()).GetProperty("stats");
        Assert.Equal((6, 5, 1), (stats.GetProperty("count").GetInt32(), stats.GetProperty("values").GetInt32(), stats.GetProperty("nulls").GetInt32()));
        Assert.Equal(0.2, stats.GetProperty("min").GetDouble(), 10);
        Assert.Equal(1.0, stats.GetProperty("max").GetDouble(), 10);
        Assert.Equal(0.6, stats.GetProperty("mean").GetDouble(), 10);
        Assert.Equal(0.6, stats.GetProperty("median").GetDouble(), 10);
        Assert.Equal(0.96, stats.GetProperty("p95").GetDouble(), 10);
        Assert.Equal(0.316228, stats.GetProperty("standardDeviation").GetDouble(), 6);
        Assert.Equal(0.75, stats.GetProperty("meanCoverage").GetDouble(), 10);
        Assert.Equal(5.0 / 6, stats.GetProperty("valueShare").GetDouble(), 10);
        Assert.Equal(6, stats.GetProperty("bucketsInRange").GetInt32());
        Assert.Equal(5.0 / 6, stats.GetProperty("rangeValueShare").GetDouble(), 10);
        Assert.Equal(stats.GetRawText(), body.GetProperty("overall").GetRawText());

        // Two cities pooled: Oslo's hours 0..5 are 0.5, 0.5990, 0.6918, null, 0.8366, 0.8796.
        var (_, both) = await GetAsync("api/v1/kpis/thermal_comfort/stats?city=oslo,bergen&from=2026-10-01T00:00:00Z&to=2026-10-01T06:00:00Z");
        var overall = both.GetProperty("overall");
        Assert.Equal((12, 10, 2, 12), (overall.GetProperty("count").GetInt32(), overall.GetProperty("values").GetInt32(),
            overall.GetProperty("nulls").GetInt32(), overall.GetProperty("bucketsInRange").GetInt32()));
        Assert.Equal((0.2, 1.0), (overall.GetProperty("min").GetDouble(), overall.GetProperty("max").GetDouble()));
        double[] pooled = [0.2, 0.4, 0.6, 0.8, 1.0, .. Enumerable.Range(0, 6).Select(Oslo).OfType<double>()];
        Assert.Equal(pooled.Average(), overall.GetProperty("mean").GetDouble(), 10);
    }

    [Fact]
    public async Task Series_revalidate_with_their_etag()
    {
        var route = $"api/v1/kpis/thermal_comfort/series?city=oslo&{ThreeDays}&maxPoints=20";
        var (response, _) = await GetAsync(route);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        using var http = fixture.App.Client();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, route);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await http.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_aggregate_stage_in_the_worker_evicts_what_it_rewrote_from_the_worker_cache()
    {
        var ct = TestContext.Current.CancellationToken;
        // A past day: cached for PastTtlSeconds (5 minutes), so only the eviction can make the new row visible now.
        const string route = "api/v1/kpis/mean_departure_delay/series?city=trondheim&from=2026-10-02&to=2026-10-03";
        var (_, before) = await GetAsync(route);
        Assert.Equal(0, before.GetProperty("series")[0].GetProperty("rawPoints").GetInt32());

        var departure = new Observation("entur-partner", Metrics.DepartureDelay, "NSR:Quay:31", "trondheim", 63.43, 10.39,
            Start.AddDays(1).AddHours(10).AddMinutes(5), 0, 120, "s", QualityFlags.None, "ATB:ServiceJourney:1|2026-10-02|NSR:Quay:31")
        {
            EventId = "ATB:ServiceJourney:1|2026-10-02",
        };
        const string blob = "entur-partner/2026/10/02/20261002T1000Z/NSR:StopPlace:3.json";
        await new ObservationStore(fixture.App.Storage).UpsertAsync([departure], new ObservationLineage("20261002T1000Z", blob, new string('a', 64)), ct);
        var aggregates = fixture.App.Invocations.Snapshot().Count(r => r.FunctionName == "Aggregate" && r.Succeeded);
        await new JsonQueue(fixture.App.Storage).SendAsync(StorageNames.AggregateQueue, AggregateMessage.For("trondheim", [departure], null), ct);
        await fixture.App.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) > aggregates,
            TimeSpan.FromSeconds(60), "the worker to aggregate the departure");

        var (_, after) = await GetAsync(route);
        var point = Assert.Single(after.GetProperty("series")[0].GetProperty("points").EnumerateArray());
        Assert.Equal((Start.AddDays(1).AddHours(10), 120.0), (point.GetProperty("t").GetDateTimeOffset(), point.GetProperty("value").GetDouble()));
    }

    private static readonly string Long = new('x', 300);

    [Theory]
    [InlineData("kpis/nope/series?city=oslo", 404, "kpi")]
    [InlineData("kpis/nope/stats?city=oslo", 404, "kpi")]
    [InlineData("kpis/oslo'%20or%20PartitionKey%20ne%20'/series", 404, "kpi")]
    [InlineData("kpis/thermal_comfort/series?city=atlantis", 400, "city")]
    [InlineData("kpis/thermal_comfort/series?city=oslo'%20or%20PartitionKey%20ne%20'", 400, "city")]
    [InlineData("kpis/thermal_comfort/stats?city=oslo,atlantis", 400, "city")]
    [InlineData("kpis/thermal_comfort/series?grain=week", 400, "grain")]
    [InlineData("kpis/thermal_comfort/stats?grain=minute", 400, "grain")]
    [InlineData("kpis/on_time_performance/series?stop=NSR:StopPlace:999", 400, "stop")]
    [InlineData("kpis/on_time_performance/series?stop=x'%20or%20PartitionKey%20ne%20'", 400, "stop")]
    [InlineData("kpis/on_time_performance/series?stop=NSR:StopPlace:1&city=bergen", 400, "city")]
    [InlineData("kpis/thermal_comfort/series?stop=NSR:StopPlace:1", 400, "stop")]
    [InlineData("kpis/thermal_comfort/series?from=2026-10-05&to=2026-10-01", 400, "to")]
    [InlineData("kpis/thermal_comfort/stats?from=2026-10-01&to=2026-10-01", 400, "to")]
    [InlineData("kpis/thermal_comfort/series?from=2026-01-01&to=2026-12-01", 400, "to")]
    [InlineData("kpis/thermal_comfort/series?from=9999-12-30", 400, "from")]
    [InlineData("kpis/thermal_comfort/stats?from=0001-01-01", 400, "from")]
    [InlineData("kpis/thermal_comfort/series?from=garbage", 400, "from")]
    [InlineData("kpis/thermal_comfort/series?to=9999-12-31T23:59:59Z", 400, "to")]
    [InlineData("kpis/thermal_comfort/series?from=2026-10-01'%20or%20PartitionKey%20ne%20'", 400, "from")]
    [InlineData("kpis/thermal_comfort/series?maxPoints=abc", 400, "maxPoints")]
    [InlineData("kpis/thermal_comfort/series?maxPoints=1", 400, "maxPoints")]
    [InlineData("kpis/thermal_comfort/series?maxPoints=10001", 400, "maxPoints")]
    [InlineData("kpis/thermal_comfort/series?maxPoints=-5", 400, "maxPoints")]
    [InlineData("kpis/thermal_comfort/series?maxPoints=99999999999999999999", 400, "maxPoints")]
    [InlineData("kpis/thermal_comfort/series?maxPoints=1e3", 400, "maxPoints")]
    public async Task Hostile_inputs_get_problem_details_naming_the_parameter(string route, int status, string parameter)
    {
        var (response, body) = await GetAsync("api/v1/" + route);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
        Assert.Contains(parameter, body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_long_hostile_value_is_not_echoed_whole()
    {
        foreach (var route in new[] { $"kpis/thermal_comfort/series?city={Long}", $"kpis/thermal_comfort/series?from={Long}", $"kpis/{Long}/stats",
                     $"kpis/on_time_performance/series?stop={Long}", $"kpis/thermal_comfort/series?maxPoints={Long}" })
        {
            var (response, body) = await GetAsync("api/v1/" + route);
            Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.DoesNotContain(Long, body.GetRawText());
        }
    }

    private static (DateTimeOffset From, DateTimeOffset To) Range(JsonElement range) =>
        (range.GetProperty("from").GetDateTimeOffset(), range.GetProperty("to").GetDateTimeOffset());
}
