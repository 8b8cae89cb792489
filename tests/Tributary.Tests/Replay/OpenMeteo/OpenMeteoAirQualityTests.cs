using System.Net;
using System.Text.Json;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed class OpenMeteoAirQualityTests
{
    [Fact]
    public async Task Answers_the_forecasts_format_with_microgram_units_and_aligned_columns()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.GetAsync(AirQuality($"{Oslo}&hourly={Pollutants}&timezone=GMT&start_date=2025-01-14&end_date=2025-01-15"));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var location = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["latitude", "longitude", "generationtime_ms", "utc_offset_seconds", "timezone", "timezone_abbreviation", "elevation", "hourly_units", "hourly"],
            location.EnumerateObject().Select(p => p.Name));
        Assert.Equal("59.90001", location.GetProperty("latitude").GetRawText()); // A 0.1° grid cell, in single precision.
        Assert.InRange(location.GetProperty("longitude").GetDouble(), 10.79, 10.81);
        // U+03BC GREEK SMALL LETTER MU, raw in the body, as Open-Meteo writes it.
        Assert.Equal(new Dictionary<string, string>
        {
            ["time"] = "iso8601", ["pm2_5"] = "\u03BCg/m\u00B3", ["nitrogen_dioxide"] = "\u03BCg/m\u00B3", ["ozone"] = "\u03BCg/m\u00B3",
        }, Units(location));
        Assert.Contains("\"pm2_5\":\"\u03BCg/m\u00B3\"", body, StringComparison.Ordinal);
        Assert.Equal(["time", "pm2_5", "nitrogen_dioxide", "ozone"], location.GetProperty("hourly").EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2025-01-14T00:00", 48), (Times(location)[0], Times(location).Length));
        foreach (var pollutant in Pollutants.Split(','))
        {
            var values = Values(location, pollutant);
            Assert.Equal(48, values.Length);
            Assert.All(values.Where(v => v.ValueKind != JsonValueKind.Null), v => Assert.InRange(v.GetDouble(), 0.5, 200));
            Assert.All(values.Where(v => v.ValueKind != JsonValueKind.Null), v => Assert.Matches(@"^\d+\.\d$", v.GetRawText()));
        }
    }

    [Fact]
    public async Task Values_are_deterministic_plausible_and_have_model_gaps()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var url = AirQuality($"{Oslo}&hourly={Pollutants}&start_date=2024-12-01&end_date=2025-01-14");
        var first = await server.GetJsonAsync(url);
        server.Time.Advance(TimeSpan.FromHours(30));
        var later = await server.GetJsonAsync(url);
        await using var sameSeed = await RunningReplayServer.StartAsync();
        await using var otherSeed = await RunningReplayServer.StartAsync(settings: "--Replay:Seed=7");

        Assert.Equal(first.GetProperty("hourly").GetRawText(), later.GetProperty("hourly").GetRawText());
        Assert.Equal(first.GetProperty("hourly").GetRawText(), (await sameSeed.GetJsonAsync(url)).GetProperty("hourly").GetRawText());
        Assert.NotEqual(first.GetProperty("hourly").GetRawText(), (await otherSeed.GetJsonAsync(url)).GetProperty("hourly").GetRawText());
        var pm25 = Values(first, "pm2_5");
        var nulls = pm25.Count(v => v.ValueKind == JsonValueKind.Null);
        Assert.InRange(nulls, 1, pm25.Length / 20);
        // Traffic hours carry more NO2 than the night.
        var no2 = Times(first).Zip(Values(first, "nitrogen_dioxide")).Where(p => p.Second.ValueKind == JsonValueKind.Number)
            .GroupBy(p => ParseTime(p.First).Hour).ToDictionary(g => g.Key, g => g.Average(p => p.Second.GetDouble()));
        Assert.True(no2[7] > no2[2], $"07 UTC {no2[7]:F1} vs 02 UTC {no2[2]:F1}");
    }

    [Fact]
    public async Task Forecast_days_default_to_five_and_allow_seven_with_past_days_before()
    {
        await using var server = await RunningReplayServer.StartAsync();

        Assert.Equal(5 * 24, Times(await server.GetJsonAsync(AirQuality($"{Oslo}&hourly=pm2_5"))).Length);
        var week = await server.GetJsonAsync(AirQuality($"{Oslo}&hourly=ozone&past_days=2&forecast_days=7"));
        Assert.Equal((9 * 24, "2025-01-13T00:00"), (Times(week).Length, Times(week)[0]));
    }

    [Theory]
    [InlineData($"{Oslo}&hourly=pm25", "Cannot initialize AirQualityVariable from invalid String value pm25 for key hourly")]
    [InlineData($"{Oslo}&hourly=temperature_2m", "Cannot initialize AirQualityVariable from invalid String value temperature_2m for key hourly")]
    [InlineData("latitude=59.9&longitude=200&hourly=pm2_5", "Longitude must be in range of -180 to 180°. Given: 200.0.")]
    [InlineData("longitude=10.75&hourly=pm2_5", "Value of type 'Float' required for key 'latitude'.")]
    [InlineData($"{Oslo}&hourly=pm2_5&forecast_days=8", "Forecast days is invalid. Allowed range 0 to 7. Given 8.")]
    [InlineData($"{Oslo}&hourly=pm2_5&past_days=x", "Value of type 'Int' required for key 'past_days'.")]
    [InlineData($"{Oslo}&hourly=pm2_5&start_date=2025-01-14&end_date=2025-02-30", "Invalid date")]
    [InlineData($"{Oslo}&hourly=pm2_5&start_date=2025-01-14&end_date=2025-03-01", "Parameter 'end_date' is out of allowed range from 2013-01-01 to 2025-01-21")]
    public async Task Bad_input_answers_400_with_an_open_meteo_error_body(string query, string reason)
    {
        await using var server = await RunningReplayServer.StartAsync();

        Assert.Equal((HttpStatusCode.BadRequest, reason), await ErrorAsync(server, AirQuality(query)));
    }

    [Fact]
    public async Task The_open_meteo_fault_switch_covers_the_air_quality_api()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var url = AirQuality($"{Oslo}&hourly={Pollutants}");

        await OpenMeteoForecastTests.SetFaultAsync(server, "server-error");
        Assert.Equal((HttpStatusCode.InternalServerError, "Something went wrong."), await ErrorAsync(server, url));

        await OpenMeteoForecastTests.SetFaultAsync(server, "schema-drift");
        var drifted = await server.GetJsonAsync(url);
        Assert.True(drifted.GetProperty("hourly").TryGetProperty("pm25", out _));
        Assert.False(drifted.GetProperty("hourly").TryGetProperty("pm2_5", out _));
    }
}
