using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed partial class OpenMeteoForecastShapeTests
{
    [Fact]
    public async Task Single_city_answers_one_object_with_the_vendors_fields_in_the_vendors_order()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.GetAsync(Forecast($"{Oslo}&hourly={AllVariables}&wind_speed_unit=ms&timezone=GMT&past_days=1&forecast_days=1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var location = JsonDocument.Parse(body).RootElement;

        Assert.Equal(JsonValueKind.Object, location.ValueKind);
        Assert.Equal(
            ["latitude", "longitude", "generationtime_ms", "utc_offset_seconds", "timezone", "timezone_abbreviation", "elevation", "hourly_units", "hourly"],
            location.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, location.GetProperty("utc_offset_seconds").GetInt32());
        Assert.Equal("GMT", location.GetProperty("timezone").GetString());
        Assert.Equal("GMT", location.GetProperty("timezone_abbreviation").GetString());
        Assert.Contains("\"hourly_units\":{\"time\":\"iso8601\",\"temperature_2m\":\"°C\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinates_are_the_grid_cells_not_the_requested_point()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m"));

        var latitude = location.GetProperty("latitude").GetDouble();
        var longitude = location.GetProperty("longitude").GetDouble();
        Assert.NotEqual(59.9139, latitude);
        Assert.NotEqual(10.7522, longitude);
        Assert.InRange(latitude, 59.9139 - 0.011, 59.9139 + 0.011);
        Assert.InRange(longitude, 10.7522 - 0.011, 10.7522 + 0.011);
        Assert.Matches(WholeMetres(), location.GetProperty("elevation").GetRawText());
    }

    [Fact]
    public async Task Units_follow_the_unit_switches_and_default_to_celsius_kmh_mm()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var defaults = await server.GetJsonAsync(Forecast($"{Oslo}&hourly={AllVariables}"));
        var switched = await server.GetJsonAsync(Forecast(
            $"{Oslo}&hourly={AllVariables}&wind_speed_unit=ms&temperature_unit=fahrenheit&precipitation_unit=inch"));

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["time"] = "iso8601",
                ["temperature_2m"] = "°C",
                ["apparent_temperature"] = "°C",
                ["relative_humidity_2m"] = "%",
                ["wind_speed_10m"] = "km/h",
                ["precipitation"] = "mm",
            },
            Units(defaults));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["time"] = "iso8601",
                ["temperature_2m"] = "°F",
                ["apparent_temperature"] = "°F",
                ["relative_humidity_2m"] = "%",
                ["wind_speed_10m"] = "m/s",
                ["precipitation"] = "inch",
            },
            Units(switched));
    }

    [Fact]
    public async Task Past_day_and_forecast_day_give_48_hourly_entries_from_yesterday_midnight_without_seconds_or_Z()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly={AllVariables}&wind_speed_unit=ms&past_days=1&forecast_days=1"));

        var times = Times(location);
        Assert.Equal(48, times.Length);
        Assert.Equal("2025-01-14T00:00", times[0]);
        Assert.Equal("2025-01-15T23:00", times[^1]);
        Assert.All(times, t => Assert.Matches(IsoMinuteLabel(), t));
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), ParseTime(pair.Second) - ParseTime(pair.First)));
        Assert.All(VariableNames, variable => Assert.Equal(48, Values(location, variable).Length));
    }

    [Fact]
    public async Task Forecast_days_default_to_seven()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m"));

        Assert.Equal(7 * 24, Times(location).Length);
        Assert.Equal("2025-01-15T00:00", Times(location)[0]);
    }

    [Fact]
    public async Task Numbers_are_printed_with_the_vendors_decimals_per_unit()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var metric = await server.GetJsonAsync(Forecast($"{Oslo}&hourly={AllVariables}&wind_speed_unit=ms&past_days=7&forecast_days=7"));
        var imperial = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=wind_speed_10m,precipitation&precipitation_unit=inch&past_days=7"));

        AssertRawValues(metric, "temperature_2m", OneDecimal());
        AssertRawValues(metric, "apparent_temperature", OneDecimal());
        AssertRawValues(metric, "relative_humidity_2m", WholeNumber());
        AssertRawValues(metric, "wind_speed_10m", TwoDecimals());
        AssertRawValues(metric, "precipitation", TwoDecimals());
        AssertRawValues(imperial, "wind_speed_10m", OneDecimal());
        AssertRawValues(imperial, "precipitation", ThreeDecimals());
    }

    [Fact]
    public async Task Unixtime_labels_are_utc_epoch_seconds_of_each_hour()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m&timeformat=unixtime&forecast_days=1"));

        Assert.Equal("unixtime", location.GetProperty("hourly_units").GetProperty("time").GetString());
        var times = location.GetProperty("hourly").GetProperty("time").EnumerateArray().Select(t => t.GetInt64()).ToArray();
        Assert.Equal(24, times.Length);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(3600, pair.Second - pair.First));
    }

    [Fact]
    public async Task Without_hourly_variables_only_the_header_fields_are_sent()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast(Oslo));

        Assert.Equal(
            ["latitude", "longitude", "generationtime_ms", "utc_offset_seconds", "timezone", "timezone_abbreviation", "elevation"],
            location.EnumerateObject().Select(p => p.Name));
    }

    private static Dictionary<string, string?> Units(JsonElement location) =>
        location.GetProperty("hourly_units").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

    private static void AssertRawValues(JsonElement location, string variable, Regex format)
    {
        var raw = Values(location, variable).Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetRawText()).ToList();
        Assert.NotEmpty(raw);
        Assert.All(raw, text => Assert.Matches(format, text));
        _ = double.Parse(raw[0], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:00$")]
    private static partial Regex IsoMinuteLabel();

    [GeneratedRegex(@"^-?\d+\.\d$")]
    private static partial Regex OneDecimal();

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex TwoDecimals();

    [GeneratedRegex(@"^-?\d+\.\d{3}$")]
    private static partial Regex ThreeDecimals();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^\d+\.0$")]
    private static partial Regex WholeMetres();
}
