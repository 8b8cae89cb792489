using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Replay;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary>The OpenAQ v3 replay's vendor contract: auth, discovery, period-ending hours, paging, limits and faults.</summary>
public sealed class OpenAqReplayTests
{
    private const string Key = "replay-openaq-key";
    private const int OsloPm25 = 3001;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetAsync(RunningReplayServer server, string pathAndQuery, string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        if (key is not null) request.Headers.Add("X-API-Key", key);
        return await server.Client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static async Task<JsonElement> OkAsync(RunningReplayServer server, string pathAndQuery)
    {
        using var response = await GetAsync(server, pathAndQuery);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await JsonAsync(response);
    }

    [Fact]
    public async Task A_missing_key_meets_the_WAF_and_an_unknown_key_the_API_both_401_without_rate_headers()
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var missing = await GetAsync(server, "/v3/locations", key: null);
        using var unknown = await GetAsync(server, "/v3/locations", key: "not-a-key");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (missing.StatusCode, unknown.StatusCode));
        Assert.Equal("Unauthorized. A valid API key must be provided in the X-API-Key header.", (await JsonAsync(missing)).GetProperty("message").GetString());
        Assert.Equal("Invalid credentials", (await JsonAsync(unknown)).GetProperty("detail").GetString());
        Assert.False(missing.Headers.Contains("x-ratelimit-limit"));
        Assert.False(unknown.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task Locations_near_a_city_are_found_by_lat_lon_and_radius_with_their_sensors_and_distance()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await OkAsync(server, "/v3/locations?coordinates=59.9139,10.7522&radius=10000&parameters_id=2&limit=100&page=1");

        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([2001, 2002, 2003], results.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(3, body.GetProperty("meta").GetProperty("found").GetInt32());
        Assert.All(results, r => Assert.InRange(r.GetProperty("distance").GetDouble(), 1, 10000));
        var pm25 = results[0].GetProperty("sensors").EnumerateArray().First(s => s.GetProperty("parameter").GetProperty("id").GetInt32() == 2);
        Assert.Equal(OsloPm25, pm25.GetProperty("id").GetInt32());
        Assert.Equal("\u00B5g/m\u00B3", pm25.GetProperty("parameter").GetProperty("units").GetString());
        Assert.Equal("Europe/Oslo", results[0].GetProperty("timezone").GetString());
    }

    [Fact]
    public async Task Location_pages_follow_page_and_limit_and_found_is_the_total()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var ids = new List<int>();
        for (var page = 1; page <= 5; page++)
        {
            var body = await OkAsync(server, $"/v3/locations?limit=2&page={page}");
            Assert.Equal(9, body.GetProperty("meta").GetProperty("found").GetInt32());
            ids.AddRange(body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        }

        Assert.Equal([2001, 2002, 2003, 2011, 2012, 2013, 2021, 2022, 2023], ids);
    }

    [Fact]
    public async Task Hours_are_labelled_by_their_end_from_is_exclusive_and_to_inclusive()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await OkAsync(server, $"/v3/sensors/{OsloPm25}/hours?datetime_from=2025-01-15T06:00:00Z&datetime_to=2025-01-15T09:00:00Z");

        var periods = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("period")).ToList();
        Assert.Equal(["2025-01-15T07:00:00Z", "2025-01-15T08:00:00Z", "2025-01-15T09:00:00Z"],
            periods.Select(p => p.GetProperty("datetimeTo").GetProperty("utc").GetString()));
        Assert.Equal("2025-01-15T06:00:00Z", periods[0].GetProperty("datetimeFrom").GetProperty("utc").GetString());
        Assert.Equal("2025-01-15T07:00:00+01:00", periods[0].GetProperty("datetimeFrom").GetProperty("local").GetString());
        Assert.Equal(3, body.GetProperty("meta").GetProperty("found").GetInt32());
    }

    [Fact]
    public async Task Local_times_follow_the_DST_change_and_times_without_offset_are_the_stations_local_time()
    {
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));

        // 2025-03-30 00:00 local is 23:00 UTC the day before (CET); 04:00 local is 02:00 UTC (CEST).
        var body = await OkAsync(server, $"/v3/sensors/{OsloPm25}/hours?datetime_from=2025-03-30T00:00:00&datetime_to=2025-03-30T04:00:00");

        var ends = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("period").GetProperty("datetimeTo")).ToList();
        Assert.Equal(["2025-03-30T00:00:00Z", "2025-03-30T01:00:00Z", "2025-03-30T02:00:00Z"], ends.Select(e => e.GetProperty("utc").GetString()));
        Assert.Equal(["2025-03-30T01:00:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-30T04:00:00+02:00"], ends.Select(e => e.GetProperty("local").GetString()));
    }

    [Fact]
    public async Task A_full_hours_page_says_found_greater_than_limit_as_a_string_and_the_last_page_a_number()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var path = $"/v3/sensors/{OsloPm25}/hours?datetime_from=2025-01-14T00:00:00Z&datetime_to=2025-01-15T01:00:00Z&limit=10";

        var found = new List<string>();
        var total = 0;
        for (var page = 1; ; page++)
        {
            var body = await OkAsync(server, $"{path}&page={page}");
            found.Add(body.GetProperty("meta").GetProperty("found").ToString());
            var count = body.GetProperty("results").GetArrayLength();
            total += count;
            if (count < 10) break;
        }

        Assert.Equal([">10", ">10", "5"], found);
        Assert.Equal(25, total);
    }

    [Fact]
    public async Task Values_have_three_significant_digits_some_hours_are_null_and_flagged_and_a_seed_repeats_them()
    {
        await using var first = await RunningReplayServer.StartAsync();
        await using var second = await RunningReplayServer.StartAsync();
        var path = $"/v3/sensors/{OsloPm25}/hours?datetime_from=2024-12-15T00:00:00Z&datetime_to=2025-01-15T00:00:00Z&limit=1000";

        var a = await OkAsync(first, path);
        var b = await OkAsync(second, path);

        Assert.Equal(a.GetRawText(), b.GetRawText());
        var results = a.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(744, results.Count);
        var values = results.Where(r => r.GetProperty("value").ValueKind == JsonValueKind.Number).Select(r => r.GetProperty("value").GetDouble()).ToList();
        Assert.All(values, v => Assert.Equal(v, double.Parse(v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(values, v => Assert.InRange(v, 0.5, 60));
        var gaps = results.Where(r => r.GetProperty("value").ValueKind == JsonValueKind.Null).ToList();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.True(g.GetProperty("flagInfo").GetProperty("hasFlags").GetBoolean()));
        Assert.Contains(results, r => r.GetProperty("coverage").ValueKind == JsonValueKind.Object && r.GetProperty("coverage").GetProperty("percentComplete").GetDouble() < 75);
    }

    [Theory]
    [InlineData("/v3/locations?limit=1001", "limit")]
    [InlineData("/v3/locations?page=0", "page")]
    [InlineData("/v3/locations?coordinates=59.9139,10.7522&radius=30000", "radius")]
    [InlineData("/v3/locations?coordinates=59.91391,10.7522&radius=1000", "coordinates")]
    [InlineData("/v3/locations?coordinates=59.9139,10.7522&radius=1000&bbox=10,59,11,60", "bounding box")]
    [InlineData("/v3/sensors/3001/hours?datetime_from=yesterday", "datetime_from")]
    public async Task A_bad_query_is_422_with_a_JSON_string_body(string pathAndQuery, string named)
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var response = await GetAsync(server, pathAndQuery);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(JsonValueKind.String, body.ValueKind);
        Assert.Contains(named, body.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_sensors_and_locations_are_404_with_the_vendors_detail()
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var sensor = await GetAsync(server, "/v3/sensors/99/hours");
        using var location = await GetAsync(server, "/v3/locations/99");

        Assert.Equal((HttpStatusCode.NotFound, "Sensor not found"), (sensor.StatusCode, (await JsonAsync(sensor)).GetProperty("detail").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "Location not found"), (location.StatusCode, (await JsonAsync(location)).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_minute_allowance_is_counted_in_headers_then_429_until_the_next_minute()
    {
        await using var server = await RunningReplayServer.StartAsync(RunningReplayServer.DefaultNow.AddSeconds(30), "--Replay:OpenAq:PerMinute=3");

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await GetAsync(server, "/v3/locations");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            remaining.Add(ok.Headers.GetValues("x-ratelimit-remaining").Single());
        }
        using var refused = await GetAsync(server, "/v3/locations");
        server.Time.Advance(TimeSpan.FromSeconds(30));
        using var next = await GetAsync(server, "/v3/locations");

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many requests", (await JsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(("3", "0", "30"), (refused.Headers.GetValues("x-ratelimit-limit").Single(), refused.Headers.GetValues("x-ratelimit-remaining").Single(),
            refused.Headers.GetValues("x-ratelimit-reset").Single()));
        Assert.False(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task The_hourly_allowance_refuses_without_showing_in_headers()
    {
        await using var server = await RunningReplayServer.StartAsync(null, "--Replay:OpenAq:PerHour=2", "--Replay:OpenAq:PerMinute=0");

        (await GetAsync(server, "/v3/locations")).Dispose();
        (await GetAsync(server, "/v3/locations")).Dispose();
        using var refused = await GetAsync(server, "/v3/locations");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.False(refused.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task Faults_switch_at_runtime_and_a_burst_recovers()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var path = $"/v3/sensors/{OsloPm25}/hours?datetime_from=2025-01-15T06:00:00Z&datetime_to=2025-01-15T08:00:00Z";

        async Task<(HttpStatusCode Status, string Body)> WithFault(string mode)
        {
            (await server.PostAsync($"/_replay/faults/openaq?mode={mode}")).EnsureSuccessStatusCode();
            using var response = await GetAsync(server, path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(HttpStatusCode.InternalServerError, (await WithFault("server-error")).Status);
        Assert.Equal(HttpStatusCode.RequestTimeout, (await WithFault("timeout-408")).Status);
        var truncated = await WithFault("truncated-body");
        Assert.Equal(HttpStatusCode.OK, truncated.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(truncated.Body));
        Assert.StartsWith("<html>", (await WithFault("malformed-json")).Body, StringComparison.Ordinal);
        var drift = JsonDocument.Parse((await WithFault("schema-drift")).Body).RootElement.GetProperty("results")[0];
        Assert.True(drift.TryGetProperty("val", out _) && !drift.TryGetProperty("value", out _));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await WithFault("server-error-burst")).Status);
        using var second = await GetAsync(server, path);
        using var third = await GetAsync(server, path);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (second.StatusCode, third.StatusCode));

        using var unknown = await server.PostAsync("/_replay/faults/openaq?mode=sometimes");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Theory]
    [InlineData("--Replay:OpenAq:PerMinute=-1", "Replay:OpenAq:PerMinute")]
    [InlineData("--Replay:OpenAq:Fault=sometimes", "Replay:OpenAq:Fault")]
    public void Invalid_settings_fail_the_build_naming_the_setting(string setting, string key)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => ReplayServer.Build(["--urls", "http://127.0.0.1:0", setting]));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Micro_signs_are_sent_as_raw_UTF8_like_the_vendor()
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var response = await GetAsync(server, "/v3/locations/2001");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Contains("\"units\":\"\u00B5g/m\u00B3\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
