using System.Net;
using System.Text.Json;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed class OpenMeteoForecastTests
{
    [Fact]
    public async Task The_pipelines_request_answers_the_vendors_fields_in_order_with_aligned_hourly_columns()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.GetAsync(Forecast($"{Oslo}&hourly={AllVariables}&wind_speed_unit=ms&timezone=GMT&start_date=2025-01-14&end_date=2025-01-16"));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var location = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            ["latitude", "longitude", "generationtime_ms", "utc_offset_seconds", "timezone", "timezone_abbreviation", "elevation", "hourly_units", "hourly"],
            location.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("GMT", "GMT", 0), (location.GetProperty("timezone").GetString(), location.GetProperty("timezone_abbreviation").GetString(), location.GetProperty("utc_offset_seconds").GetInt32()));
        // The grid cell's coordinates in single-precision text, not the requested point.
        Assert.Equal("59.92", location.GetProperty("latitude").GetRawText());
        Assert.Equal("10.7599945", location.GetProperty("longitude").GetRawText());
        Assert.EndsWith(".0", location.GetProperty("elevation").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string>
        {
            ["time"] = "iso8601", ["temperature_2m"] = "°C", ["apparent_temperature"] = "°C", ["relative_humidity_2m"] = "%",
            ["wind_speed_10m"] = "m/s", ["precipitation"] = "mm",
        }, Units(location));
        Assert.Contains("\"temperature_2m\":\"°C\"", body, StringComparison.Ordinal); // Not \u00B0-escaped.

        var times = Times(location);
        Assert.Equal(72, times.Length);
        Assert.Equal(("2025-01-14T00:00", "2025-01-16T23:00"), (times[0], times[^1]));
        foreach (var variable in AllVariables.Split(',')) Assert.Equal(72, Values(location, variable).Length);
        Assert.All(Values(location, "temperature_2m").Where(v => v.ValueKind != JsonValueKind.Null), v => Assert.InRange(v.GetDouble(), -40, 15));
        Assert.All(Values(location, "relative_humidity_2m").Where(v => v.ValueKind != JsonValueKind.Null), v => Assert.InRange(v.GetDouble(), 20, 100));
    }

    [Fact]
    public async Task Past_and_forecast_days_count_from_midnight_today_and_km_h_is_the_default_wind_unit()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=wind_speed_10m&past_days=1&forecast_days=1"));
        var inMetres = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=wind_speed_10m&past_days=1&forecast_days=1&wind_speed_unit=ms"));

        Assert.Equal(48, Times(location).Length);
        Assert.Equal("2025-01-14T00:00", Times(location)[0]);
        Assert.Equal("km/h", Units(location)["wind_speed_10m"]);
        var kmh = Values(location, "wind_speed_10m").Zip(Values(inMetres, "wind_speed_10m")).First(p => p.First.ValueKind != JsonValueKind.Null);
        Assert.Equal(kmh.Second.GetDouble() * 3.6, kmh.First.GetDouble(), 0.1);
        Assert.Equal(7 * 24, Times(await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m"))).Length);
    }

    [Fact]
    public async Task A_named_zone_applies_the_offset_valid_at_request_time_to_every_hour()
    {
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 3, 28, 12, 0, 0, TimeSpan.Zero));
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m&timezone=Europe/Oslo&start_date=2025-03-29&end_date=2025-03-31"));

        Assert.Equal((3600, "GMT+1"), (location.GetProperty("utc_offset_seconds").GetInt32(), location.GetProperty("timezone_abbreviation").GetString()));
        Assert.Equal(72, Times(location).Length); // No hour lost on the DST day: one offset for the whole response.
    }

    [Fact]
    public async Task Windows_asked_at_different_times_agree_hour_by_hour_and_some_hours_are_null()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var first = await server.GetJsonAsync(Forecast($"{Oslo}&hourly={AllVariables}&start_date=2025-01-01&end_date=2025-01-14"));
        server.Time.Advance(TimeSpan.FromDays(3));
        var later = await server.GetJsonAsync(Forecast($"{Oslo}&hourly={AllVariables}&start_date=2025-01-01&end_date=2025-01-14"));

        Assert.Equal(first.GetProperty("hourly").GetRawText(), later.GetProperty("hourly").GetRawText());
        Assert.Contains(Values(first, "temperature_2m"), v => v.ValueKind == JsonValueKind.Null);
        Assert.Contains(Values(first, "precipitation"), v => v.ValueKind == JsonValueKind.Number && v.GetDouble() > 0);
    }

    [Theory]
    [InlineData("latitude=59.9&hourly=temperature_2m", "Value of type 'Float' required for key 'longitude'.")]
    [InlineData("latitude=91&longitude=10&hourly=temperature_2m", "Latitude must be in range of -90 to 90°. Given: 91.0.")]
    [InlineData($"{Oslo}&hourly=tempeture_2m", "Cannot initialize WeatherVariable from invalid String value tempeture_2m for key hourly")]
    [InlineData($"{Oslo}&wind_speed_unit=furlongs", "Cannot initialize WindspeedUnit from invalid String value furlongs for key wind_speed_unit")]
    [InlineData($"{Oslo}&timezone=Mars/Olympus", "Invalid timezone")]
    [InlineData($"{Oslo}&forecast_days=17", "Forecast days is invalid. Allowed range 0 to 16. Given 17.")]
    [InlineData($"{Oslo}&start_date=2025-01-14", "Both 'start_date' and 'end_date' must be set in the url")]
    [InlineData($"{Oslo}&start_date=2025-01-14&end_date=2025-01-13", "End-date must be larger or equals than start-date")]
    [InlineData($"{Oslo}&start_date=14.01.2025&end_date=2025-01-15", "Invalid date format. Make sure to use 'YYYY-MM-DD'")]
    [InlineData($"{Oslo}&past_days=1&start_date=2025-01-14&end_date=2025-01-15", "Parameter 'past_days' is mutually exclusive with 'start_date' and 'end_date'")]
    public async Task Bad_input_answers_400_with_the_vendors_reason(string query, string reason)
    {
        await using var server = await RunningReplayServer.StartAsync();

        Assert.Equal((HttpStatusCode.BadRequest, reason), await ErrorAsync(server, Forecast(query)));
    }

    [Fact]
    public async Task The_call_after_the_minutely_limit_gets_429_until_the_next_clock_minute_without_rate_headers()
    {
        // 10:30:50: the window ends at 10:31:00, ten seconds later.
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 1, 15, 10, 30, 50, TimeSpan.Zero), "--Replay:OpenMeteo:MinutelyLimit=2");
        var url = Forecast($"{Oslo}&hourly=temperature_2m");
        for (var call = 0; call < 2; call++) (await server.GetAsync(url)).Dispose();

        using (var refused = await server.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Null(refused.Headers.RetryAfter);
            Assert.DoesNotContain(refused.Headers, header => header.Key.Contains("RateLimit", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal((HttpStatusCode.TooManyRequests, "Minutely API request limit exceeded. Please try again in one minute."),
            await ErrorAsync(server, AirQuality($"{Oslo}&hourly=pm2_5"))); // One budget for both APIs.
        server.Time.Advance(TimeSpan.FromSeconds(10));
        using var nextMinute = await server.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }

    [Fact]
    public async Task Faults_switch_at_runtime_and_a_burst_recovers_by_itself()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var url = Forecast($"{Oslo}&hourly={AllVariables}");

        await SetFaultAsync(server, "server-error-burst");
        Assert.Equal((HttpStatusCode.InternalServerError, "Something went wrong."), await ErrorAsync(server, url));
        Assert.Equal((HttpStatusCode.InternalServerError, "Something went wrong."), await ErrorAsync(server, url));
        Assert.Equal("none", (await server.GetJsonAsync("/_replay/faults/open-meteo")).GetProperty("mode").GetString());
        (await server.GetJsonAsync(url)).GetProperty("hourly");

        await SetFaultAsync(server, "too-many-concurrent-requests");
        Assert.Equal((HttpStatusCode.TooManyRequests, "Too many concurrent requests"), await ErrorAsync(server, url));

        await SetFaultAsync(server, "schema-drift");
        var drifted = await server.GetJsonAsync(url);
        Assert.False(drifted.GetProperty("hourly").TryGetProperty("apparent_temperature", out _));
        Assert.True(drifted.GetProperty("hourly").TryGetProperty("apparent_temp", out _));

        await SetFaultAsync(server, "truncated-body");
        using var truncated = await server.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(truncated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken).Result));

        using var unknown = await server.PostAsync("/_replay/faults/open-meteo?mode=timeout-408");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_configured_fault_is_active_from_the_start()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:OpenMeteo:Fault=server-error");

        Assert.Equal((HttpStatusCode.InternalServerError, "Something went wrong."), await ErrorAsync(server, Forecast($"{Oslo}&hourly=temperature_2m")));
    }

    internal static async Task SetFaultAsync(RunningReplayServer server, string mode)
    {
        using var response = await server.PostAsync($"/_replay/faults/open-meteo?mode={mode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
