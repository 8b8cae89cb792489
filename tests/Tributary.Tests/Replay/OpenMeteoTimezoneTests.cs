using System.Globalization;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed class OpenMeteoTimezoneTests
{
    // Oslo leaves CET for CEST at 2025-03-30 01:00 UTC.
    private static readonly DateTimeOffset DayBeforeDstStarts = new(2025, 3, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayAfterDstStarted = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_named_zone_applies_the_offset_valid_at_request_time_to_every_hour_even_across_dst()
    {
        await using var server = await RunningReplayServer.StartAsync(DayBeforeDstStarts);
        var oslo = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m&timezone=Europe/Oslo&forecast_days=3"));
        var gmt = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m&past_days=1&forecast_days=3"));

        Assert.Equal(3600, oslo.GetProperty("utc_offset_seconds").GetInt32());
        Assert.Equal("Europe/Oslo", oslo.GetProperty("timezone").GetString());
        Assert.Equal("GMT+1", oslo.GetProperty("timezone_abbreviation").GetString());

        var labels = Times(oslo);
        Assert.Equal(72, labels.Length);
        Assert.Equal("2025-03-29T00:00", labels[0]);

        // 02:00 on 30 March never happens on an Oslo wall clock; the vendor still labels it, one fixed hour from UTC.
        Assert.Contains("2025-03-30T02:00", labels);
        Assert.All(labels.Zip(labels.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), ParseTime(pair.Second) - ParseTime(pair.First)));

        var gmtByTime = RawByTime(gmt, "temperature_2m");
        Assert.All(
            RawByTime(oslo, "temperature_2m"),
            pair => Assert.Equal(gmtByTime[ParseTime(pair.Key).AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)], pair.Value));
    }

    [Fact]
    public async Task After_the_switch_the_summer_offset_is_applied_backwards_too()
    {
        await using var server = await RunningReplayServer.StartAsync(DayAfterDstStarted);
        var oslo = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m&timezone=Europe/Oslo&past_days=3&forecast_days=1"));

        Assert.Equal(7200, oslo.GetProperty("utc_offset_seconds").GetInt32());
        Assert.Equal("GMT+2", oslo.GetProperty("timezone_abbreviation").GetString());
        Assert.Equal("2025-03-28T00:00", Times(oslo)[0]);
        Assert.Equal(96, Times(oslo).Length);
    }

    [Fact]
    public async Task Unixtime_in_a_named_zone_still_gives_true_utc_instants()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var oslo = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m&timezone=Europe/Oslo&forecast_days=1&timeformat=unixtime"));

        var first = oslo.GetProperty("hourly").GetProperty("time")[0].GetInt64();
        Assert.Equal(new DateTimeOffset(2025, 1, 14, 23, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), first);
    }

    [Theory]
    [InlineData("GMT", "GMT")]
    [InlineData("auto", "GMT")]
    public async Task Gmt_and_auto_are_served_without_offset(string timezone, string expected)
    {
        await using var server = await RunningReplayServer.StartAsync();
        var location = await server.GetJsonAsync(Forecast($"{Oslo}&hourly=temperature_2m&timezone={timezone}"));

        Assert.Equal(0, location.GetProperty("utc_offset_seconds").GetInt32());
        Assert.Equal(expected, location.GetProperty("timezone").GetString());
    }
}
