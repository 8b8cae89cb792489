using System.Globalization;
using System.Text.Json;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary><c>/v3/sensors/{id}/hours</c>: period-ending hourly means, local offsets, page-only <c>found</c> and seeded values.</summary>
public sealed class OpenAqHoursTests
{
    private const int Pm25 = OpenAqRequests.OsloPm25;

    [Fact]
    public async Task Hours_are_labelled_by_their_end_from_is_exclusive_and_to_inclusive()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync(OpenAqRequests.Hours(Pm25, "2025-01-15T06:00:00Z", "2025-01-15T09:00:00Z"));

        var periods = body.Results().Select(r => r.GetProperty("period")).ToList();
        Assert.Equal(["2025-01-15T07:00:00Z", "2025-01-15T08:00:00Z", "2025-01-15T09:00:00Z"],
            periods.Select(p => p.GetProperty("datetimeTo").GetProperty("utc").GetString()));
        Assert.Equal("2025-01-15T06:00:00Z", periods[0].GetProperty("datetimeFrom").GetProperty("utc").GetString());
        Assert.Equal(3, body.Found().GetInt32());
    }

    [Fact]
    public async Task A_result_has_the_vendors_exact_shape()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync(OpenAqRequests.Hours(Pm25, "2025-01-15T00:00:00Z", "2025-01-15T10:00:00Z"));

        var hour = body.Results().First(r => r.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.Equal(["value", "flagInfo", "parameter", "period", "coordinates", "summary", "coverage"], hour.EnumerateObject().Select(p => p.Name));
        Assert.False(hour.GetProperty("flagInfo").GetProperty("hasFlags").GetBoolean());
        var parameter = hour.GetProperty("parameter");
        Assert.Equal((2, "pm25", "\u00B5g/m\u00B3", JsonValueKind.Null), (parameter.GetProperty("id").GetInt32(), parameter.GetProperty("name").GetString(),
            parameter.GetProperty("units").GetString(), parameter.GetProperty("displayName").ValueKind));
        var period = hour.GetProperty("period");
        Assert.Equal(("1hour", "01:00:00"), (period.GetProperty("label").GetString(), period.GetProperty("interval").GetString()));
        Assert.Equal(JsonValueKind.Null, hour.GetProperty("coordinates").ValueKind);
        Assert.Equal(["min", "q02", "q25", "median", "q75", "q98", "max", "avg", "sd"], hour.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        Assert.Equal(hour.GetProperty("value").GetDouble(), hour.GetProperty("summary").GetProperty("avg").GetDouble());
        var coverage = hour.GetProperty("coverage");
        Assert.Equal(["expectedCount", "expectedInterval", "observedCount", "observedInterval", "percentComplete", "percentCoverage", "datetimeFrom", "datetimeTo"],
            coverage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(period.GetProperty("datetimeFrom").GetRawText(), coverage.GetProperty("datetimeFrom").GetRawText());
        Assert.Equal(period.GetProperty("datetimeTo").GetRawText(), coverage.GetProperty("datetimeTo").GetRawText());
    }

    [Fact]
    public async Task Local_times_follow_the_spring_DST_change_and_times_without_offset_are_the_stations_local_time()
    {
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));

        // 2025-03-30 00:00 local is 23:00 UTC the day before (CET); 04:00 local is 02:00 UTC (CEST).
        var body = await server.OkAsync(OpenAqRequests.Hours(Pm25, "2025-03-30T00:00:00", "2025-03-30T04:00:00"));

        var ends = body.Results().Select(r => r.GetProperty("period").GetProperty("datetimeTo")).ToList();
        Assert.Equal(["2025-03-30T00:00:00Z", "2025-03-30T01:00:00Z", "2025-03-30T02:00:00Z"], ends.Select(e => e.GetProperty("utc").GetString()));
        Assert.Equal(["2025-03-30T01:00:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-30T04:00:00+02:00"], ends.Select(e => e.GetProperty("local").GetString()));
    }

    [Fact]
    public async Task Local_times_repeat_an_hour_at_the_autumn_DST_change()
    {
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero));

        // Clocks go back from 03:00 CEST to 02:00 CET at 01:00 UTC: hours ending 00:00 and 01:00 UTC both end at 02:00 local.
        var body = await server.OkAsync(OpenAqRequests.Hours(Pm25, "2025-10-25T23:00:00Z", "2025-10-26T02:00:00Z"));

        Assert.Equal(["2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00", "2025-10-26T03:00:00+01:00"],
            body.Results().Select(r => r.GetProperty("period").GetProperty("datetimeTo").GetProperty("local").GetString()));
    }

    [Fact]
    public async Task Only_hours_that_have_ended_by_the_replay_clock_are_served()
    {
        await using var server = await RunningReplayServer.StartAsync();

        // DefaultNow is 10:30 UTC: the 10:00-11:00 hour has not ended yet.
        var body = await server.OkAsync(OpenAqRequests.Hours(Pm25, "2025-01-15T08:00:00Z", "2025-01-16T00:00:00Z"));

        Assert.Equal(["2025-01-15T09:00:00Z", "2025-01-15T10:00:00Z"],
            body.Results().Select(r => r.GetProperty("period").GetProperty("datetimeTo").GetProperty("utc").GetString()));
    }

    [Theory]
    [InlineData("2025-01-15T06:00:00Z", "2025-01-15T06:00:00Z")]
    [InlineData("2025-01-15T07:00:00Z", "2025-01-15T06:00:00Z")]
    public async Task From_not_before_to_gives_no_results(string from, string to)
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync(OpenAqRequests.Hours(Pm25, from, to));

        Assert.Empty(body.Results());
        Assert.Equal(0, body.Found().GetInt32());
    }

    [Fact]
    public async Task A_full_hours_page_says_found_greater_than_limit_as_a_string_and_the_last_page_a_number()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var path = OpenAqRequests.Hours(Pm25, "2025-01-14T00:00:00Z", "2025-01-15T01:00:00Z", "&limit=10");

        var found = new List<JsonElement>();
        var ends = new List<string?>();
        for (var page = 1; ; page++)
        {
            var body = await server.OkAsync($"{path}&page={page}");
            found.Add(body.Found());
            var results = body.Results();
            ends.AddRange(results.Select(r => r.GetProperty("period").GetProperty("datetimeTo").GetProperty("utc").GetString()));
            if (results.Count < 10) break;
        }

        Assert.Equal([JsonValueKind.String, JsonValueKind.String, JsonValueKind.Number], found.Select(f => f.ValueKind));
        Assert.Equal([">10", ">10", "5"], found.Select(f => f.ToString()));
        Assert.Equal(25, ends.Count);
        Assert.Equal(25, ends.Distinct().Count());
        Assert.Equal(("2025-01-14T01:00:00Z", "2025-01-15T01:00:00Z"), (ends[0], ends[^1]));
    }

    [Fact]
    public async Task A_full_page_of_a_thousand_says_found_greater_than_1000()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync(OpenAqRequests.Hours(Pm25, "2024-11-01T00:00:00Z", "2025-01-15T00:00:00Z", "&limit=1000&page=1"));

        Assert.Equal(1000, body.Results().Count);
        Assert.Equal(">1000", body.Found().GetString());
    }

    [Fact]
    public async Task Values_are_plausible_with_three_significant_digits_and_some_hours_null_flagged_or_incomplete()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var pm25 = (await server.OkAsync(OpenAqRequests.Hours(Pm25, "2024-12-15T00:00:00Z", "2025-01-15T00:00:00Z", "&limit=1000"))).Results();
        var no2 = (await server.OkAsync(OpenAqRequests.Hours(OpenAqRequests.OsloNo2, "2024-12-15T00:00:00Z", "2025-01-15T00:00:00Z", "&limit=1000"))).Results();

        Assert.Equal(744, pm25.Count);
        var pm25Values = Values(pm25);
        Assert.All(pm25Values, v => Assert.Equal(v, double.Parse(v.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)));
        Assert.All(pm25Values, v => Assert.InRange(v, 2, 40));
        Assert.All(Values(no2), v => Assert.InRange(v, 0.002, 0.04));
        var gaps = pm25.Where(r => r.GetProperty("value").ValueKind == JsonValueKind.Null).ToList();
        Assert.InRange(gaps.Count, 1, 40);
        Assert.All(gaps, g =>
        {
            Assert.True(g.GetProperty("flagInfo").GetProperty("hasFlags").GetBoolean());
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (g.GetProperty("summary").ValueKind, g.GetProperty("coverage").ValueKind));
        });
        Assert.Contains(pm25, r => r.GetProperty("coverage").ValueKind == JsonValueKind.Object
            && r.GetProperty("coverage").GetProperty("percentComplete").GetDouble() < 75);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_hours_on_another_server_and_another_seed_other_values()
    {
        await using var first = await RunningReplayServer.StartAsync();
        await using var second = await RunningReplayServer.StartAsync();
        await using var reseeded = await RunningReplayServer.StartAsync(null, "--Replay:Seed=8");
        var path = OpenAqRequests.Hours(Pm25, "2025-01-10T00:00:00Z", "2025-01-15T00:00:00Z", "&limit=200");

        var a = await first.OkAsync(path);
        var b = await second.OkAsync(path);
        var c = await reseeded.OkAsync(path);

        Assert.Equal(a.GetRawText(), b.GetRawText());
        Assert.NotEqual(a.GetRawText(), c.GetRawText());
    }

    private static List<double> Values(List<JsonElement> results) =>
        [.. results.Where(r => r.GetProperty("value").ValueKind == JsonValueKind.Number).Select(r => r.GetProperty("value").GetDouble())];
}
