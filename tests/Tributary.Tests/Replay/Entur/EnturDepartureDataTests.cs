using System.Globalization;
using System.Text.Json;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

public sealed class EnturDepartureDataTests
{
    private static readonly DateTimeOffset Morning = new(2025, 1, 15, 7, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Overlapping_windows_agree_on_every_call_they_share()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var early = Calls(await server.BoardAsync(Jernbanetorget, Morning, 3 * 3600));
        var late = Calls(await server.BoardAsync(Jernbanetorget, Morning.AddHours(1), 3 * 3600));

        var overlapFromEarly = early.Where(call => Time(call, "expectedDepartureTime") >= Morning.AddHours(1)).Select(call => call.GetRawText()).ToList();
        var overlapFromLate = late.Where(call => Time(call, "expectedDepartureTime") < Morning.AddHours(3)).Select(call => call.GetRawText()).ToList();

        Assert.True(overlapFromEarly.Count > 20, $"only {overlapFromEarly.Count} calls overlap");
        Assert.Equal(overlapFromEarly, overlapFromLate);
    }

    [Fact]
    public async Task A_smaller_board_is_the_start_of_a_larger_one()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var five = Calls(await server.BoardAsync(Majorstuen, Morning, 86400, count: 5));
        var fifty = Calls(await server.BoardAsync(Majorstuen, Morning, 86400, count: 50));

        Assert.Equal(5, five.Length);
        Assert.Equal(50, fifty.Length);
        Assert.Equal(five.Select(call => call.GetRawText()), fifty.Take(5).Select(call => call.GetRawText()));
    }

    [Fact]
    public async Task Without_a_start_time_the_board_starts_at_the_replay_clock_and_has_five_calls()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = """{ stopPlace(id: "NSR:StopPlace:58404") { estimatedCalls { expectedDepartureTime } } }""";

        using var response = await server.PostGraphQLAsync(query);
        var calls = Calls(await DataAsync(response));

        Assert.Equal(5, calls.Length);
        Assert.All(calls, call => Assert.True(Time(call, "expectedDepartureTime") >= RunningReplayServer.DefaultNow));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_delays()
    {
        var variables = new { id = Jernbanetorget, start = Iso(Morning), range = 7200, n = 100, cancelled = true };
        string first, again, otherSeed;
        await using (var server = await RunningReplayServer.StartAsync())
        {
            using var response = await server.PostGraphQLAsync(BoardQuery, variables);
            first = await response.Content.ReadAsStringAsync(Cancellation);
        }

        await using (var server = await RunningReplayServer.StartAsync())
        {
            using var response = await server.PostGraphQLAsync(BoardQuery, variables);
            again = await response.Content.ReadAsStringAsync(Cancellation);
        }

        await using (var server = await RunningReplayServer.StartAsync(settings: "--Replay:Seed=7"))
        {
            using var response = await server.PostGraphQLAsync(BoardQuery, variables);
            otherSeed = await response.Content.ReadAsStringAsync(Cancellation);
        }

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public async Task Cancelled_calls_appear_only_with_include_cancelled_trips()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var day = new DateTimeOffset(2025, 1, 16, 0, 0, 0, TimeSpan.FromHours(1));
        var withCancelled = Calls(await server.BoardAsync(Jernbanetorget, day, 86400, 2000, includeCancelled: true));
        var withoutCancelled = Calls(await server.BoardAsync(Jernbanetorget, day, 86400, 2000, includeCancelled: false));

        Assert.Contains(withCancelled, call => call.GetProperty("cancellation").GetBoolean());
        Assert.DoesNotContain(withoutCancelled, call => call.GetProperty("cancellation").GetBoolean());
        Assert.Equal(
            withCancelled.Where(call => !call.GetProperty("cancellation").GetBoolean()).Select(call => call.GetRawText()),
            withoutCancelled.Select(call => call.GetRawText()));
    }

    [Fact]
    public async Task The_argument_default_leaves_cancelled_calls_out()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = """
            query($id: String!, $start: DateTime) {
              stopPlace(id: $id) { estimatedCalls(startTime: $start, timeRange: 86400, numberOfDepartures: 2000) { cancellation } }
            }
            """;

        using var response = await server.PostGraphQLAsync(query, new { id = Jernbanetorget, start = "2025-01-16T00:00:00+01:00" });
        var calls = Calls(await DataAsync(response));

        Assert.NotEmpty(calls);
        Assert.DoesNotContain(calls, call => call.GetProperty("cancellation").GetBoolean());
    }

    [Fact]
    public async Task A_day_across_all_stops_has_the_documented_mix_of_real_time_states_and_delays()
    {
        await using var server = await RunningReplayServer.StartAsync();
        List<JsonElement> calls = [];
        foreach (var (id, _, _) in StopPlaces)
        {
            calls.AddRange(Calls(await server.BoardAsync(id, new DateTimeOffset(2025, 1, 16, 0, 0, 0, TimeSpan.FromHours(1)), 86400, 2000)));
        }

        double Share(Func<JsonElement, bool> predicate) => calls.Count(predicate) / (double)calls.Count;
        Assert.True(calls.Count > 1500, $"{calls.Count} calls");
        Assert.InRange(Share(call => call.GetProperty("cancellation").GetBoolean()), 0.01, 0.06);
        Assert.InRange(Share(call => !call.GetProperty("realtime").GetBoolean()), 0.05, 0.16);
        Assert.Contains(calls, call => call.GetProperty("realtimeState").GetString() == "Added");
        Assert.Contains(calls, call => call.GetProperty("predictionInaccurate").GetBoolean());

        var delays = calls.Where(call => call.GetProperty("realtimeState").GetString() is "updated" or "Added")
            .Select(call => (Time(call, "expectedDepartureTime") - Time(call, "aimedDepartureTime")).TotalSeconds)
            .ToList();
        Assert.InRange(delays.Count(delay => delay is >= 0 and <= 300) / (double)delays.Count, 0.75, 0.95);
        Assert.Contains(delays, delay => delay > 300);
        Assert.Contains(delays, delay => delay < 0);
        Assert.All(delays.Where(delay => delay < 0), delay => Assert.InRange(delay, -60, -30));
        Assert.All(delays, delay => Assert.Equal(Math.Round(delay), delay));
    }

    [Fact]
    public async Task Night_trips_after_midnight_keep_the_previous_service_date()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var calls = Calls(await server.BoardAsync(Jernbanetorget, new DateTimeOffset(2025, 1, 16, 0, 0, 0, TimeSpan.FromHours(1)), 4 * 3600));

        Assert.Contains(calls, call => call.GetProperty("serviceJourney").GetProperty("line").GetProperty("id").GetString() == "RUT:Line:N31");
        Assert.All(calls, call => Assert.Equal("2025-01-15", call.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task Every_catalogue_stop_has_departures_within_its_city()
    {
        await using var server = await RunningReplayServer.StartAsync();
        foreach (var (id, name, city) in StopPlaces)
        {
            var data = await server.BoardAsync(id, Morning, 3600);
            var calls = Calls(data);
            Assert.True(calls.Length > 0, $"{name} ({city}) has no departures");
            var codespaces = calls.Select(call => call.GetProperty("serviceJourney").GetProperty("id").GetString()![..3]).Distinct();
            Assert.All(codespaces, codespace => Assert.Contains(codespace, city switch
            {
                "Oslo" => new[] { "RUT", "VYG" },
                "Bergen" => ["SKY"],
                _ => ["ATB"],
            }));
            Assert.All(calls, call => Assert.Equal(0, DateTimeOffset.Parse(call.GetProperty("aimedDepartureTime").GetString()!, CultureInfo.InvariantCulture).Second));
        }
    }
}
