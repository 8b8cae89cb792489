using System.Text.Json;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed class OpenMeteoForecastDataTests
{
    private const string ThreeCities = "latitude=59.9139,60.3913,63.4305&longitude=10.7522,5.3221,10.3951";

    [Fact]
    public async Task Several_locations_answer_a_top_level_array_in_request_order_with_location_ids()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var body = await server.GetJsonAsync(Forecast($"{ThreeCities}&hourly={AllVariables}&past_days=1&forecast_days=1"));

        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        var locations = body.EnumerateArray().ToArray();
        Assert.Equal(3, locations.Length);
        double[] requestedLatitudes = [59.9139, 60.3913, 63.4305];
        Assert.All(
            locations.Zip(requestedLatitudes),
            pair => Assert.InRange(pair.First.GetProperty("latitude").GetDouble(), pair.Second - 0.011, pair.Second + 0.011));
        Assert.False(locations[0].TryGetProperty("location_id", out _));
        Assert.Equal(1, locations[1].GetProperty("location_id").GetInt32());
        Assert.Equal(2, locations[2].GetProperty("location_id").GetInt32());
        Assert.All(locations, location => Assert.Equal(48, Times(location).Length));
        Assert.NotEqual(
            Values(locations[0], "temperature_2m").Select(v => v.GetRawText()),
            Values(locations[2], "temperature_2m").Select(v => v.GetRawText()));
    }

    [Fact]
    public async Task Values_depend_on_the_hour_not_on_when_they_were_requested()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var query = Forecast($"{Oslo}&hourly={AllVariables}&past_days=3&forecast_days=3");
        var early = await server.GetJsonAsync(query);
        server.Time.Advance(TimeSpan.FromHours(31));
        var later = await server.GetJsonAsync(query);

        // A second server with the same seed, asked a day earlier still, must agree too.
        await using var other = await RunningReplayServer.StartAsync(RunningReplayServer.DefaultNow.AddDays(-1));
        var earlier = await other.GetJsonAsync(query);

        foreach (var variable in VariableNames)
        {
            var first = RawByTime(early, variable);
            var second = RawByTime(later, variable);
            var third = RawByTime(earlier, variable);
            var overlap = first.Keys.Intersect(second.Keys).Intersect(third.Keys).ToList();
            Assert.True(overlap.Count >= 3 * 24, $"only {overlap.Count} overlapping hours");
            Assert.All(overlap, time => Assert.Equal(first[time], second[time]));
            Assert.All(overlap, time => Assert.Equal(first[time], third[time]));
        }
    }

    [Fact]
    public async Task Archive_and_forecast_agree_on_the_hours_they_share()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var forecast = await server.GetJsonAsync(Forecast($"{Oslo}&hourly={AllVariables}&past_days=14&forecast_days=0"));
        var archive = await server.GetJsonAsync(Archive($"{Oslo}&hourly={AllVariables}&start_date=2025-01-02&end_date=2025-01-08"));

        Assert.Equal(forecast.GetProperty("latitude").GetRawText(), archive.GetProperty("latitude").GetRawText());
        foreach (var variable in VariableNames)
        {
            var forecastByTime = RawByTime(forecast, variable);
            Assert.All(RawByTime(archive, variable), pair => Assert.Equal(forecastByTime[pair.Key], pair.Value));
        }
    }

    [Fact]
    public async Task Wind_in_kmh_is_the_ms_value_times_3_6()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var kmh = Values(await server.GetJsonAsync(Forecast($"{Oslo}&hourly=wind_speed_10m&wind_speed_unit=kmh&past_days=2")), "wind_speed_10m");
        var ms = Values(await server.GetJsonAsync(Forecast($"{Oslo}&hourly=wind_speed_10m&wind_speed_unit=ms&past_days=2")), "wind_speed_10m");

        Assert.Equal(kmh.Length, ms.Length);
        var pairs = kmh.Zip(ms).Where(p => p.First.ValueKind != JsonValueKind.Null).ToList();
        Assert.True(pairs.Count > 200);
        Assert.All(kmh.Zip(ms), p => Assert.Equal(p.First.ValueKind == JsonValueKind.Null, p.Second.ValueKind == JsonValueKind.Null));

        // Each side is rounded on its own (kmh to 0.1, m/s to 0.01), so allow both half-steps.
        Assert.All(pairs, p => Assert.InRange(p.First.GetDouble() - (p.Second.GetDouble() * 3.6), -0.0681, 0.0681));
        var ratio = pairs.Sum(p => p.First.GetDouble()) / pairs.Sum(p => p.Second.GetDouble());
        Assert.InRange(ratio, 3.59, 3.61);
    }

    [Fact]
    public async Task Fahrenheit_and_inch_are_converted_from_the_same_values()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var metric = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m,precipitation&past_days=7"));
        var imperial = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m,precipitation&past_days=7&temperature_unit=fahrenheit&precipitation_unit=inch"));

        Assert.All(
            Values(metric, "temperature_2m").Zip(Values(imperial, "temperature_2m")).Where(p => p.First.ValueKind != JsonValueKind.Null),
            p => Assert.InRange(p.Second.GetDouble() - ((p.First.GetDouble() * 1.8) + 32), -0.141, 0.141));
        Assert.All(
            Values(metric, "precipitation").Zip(Values(imperial, "precipitation")).Where(p => p.First.ValueKind != JsonValueKind.Null),
            p => Assert.InRange(p.Second.GetDouble() - (p.First.GetDouble() / 25.4), -0.0007, 0.0007));
    }

    [Fact]
    public async Task Weather_is_plausible_for_oslo_in_january()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly={AllVariables}&wind_speed_unit=ms&past_days=14&forecast_days=14"));

        double[] Present(string variable) => [.. Values(location, variable).Select(Number).OfType<double>()];
        Assert.All(Present("temperature_2m"), t => Assert.InRange(t, -30, 12));
        Assert.All(Present("relative_humidity_2m"), rh => Assert.InRange(rh, 0, 100));
        Assert.All(Present("wind_speed_10m"), w => Assert.InRange(w, 0, 30));
        Assert.All(Present("precipitation"), p => Assert.True(p >= 0));
        Assert.True(Present("precipitation").Count(p => p == 0) > Present("precipitation").Length / 2, "precipitation should mostly be 0");
        Assert.True(Present("apparent_temperature").Average() < Present("temperature_2m").Average(), "winter wind should feel colder");
        Assert.True(Present("temperature_2m").Distinct().Count() > 20, "temperatures should vary");
    }

    [Fact]
    public async Task A_different_seed_gives_different_weather()
    {
        await using var defaultSeed = await RunningReplayServer.StartAsync();
        await using var otherSeed = await RunningReplayServer.StartAsync(settings: "--Replay:Seed=7");
        var query = Forecast($"{Oslo}&hourly=temperature_2m");

        Assert.NotEqual(
            Values(await defaultSeed.GetJsonAsync(query), "temperature_2m").Select(v => v.GetRawText()),
            Values(await otherSeed.GetJsonAsync(query), "temperature_2m").Select(v => v.GetRawText()));
    }
}
