using System.Text.RegularExpressions;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

public sealed partial class EnturDepartureShapeTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public async Task The_documented_query_gets_exactly_its_fields_in_order()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(DocumentedQuery,
            new { id = Jernbanetorget, start = "2025-01-15T07:00:00+01:00", range = 3600, n = 200 }, operationName: "Departures");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var stopPlace = (await DataAsync(response)).GetProperty("stopPlace");
        Assert.Equal(["id", "name", "latitude", "longitude", "estimatedCalls"], Keys(stopPlace));
        Assert.Equal(Jernbanetorget, stopPlace.GetProperty("id").GetString());
        Assert.Equal("Jernbanetorget", stopPlace.GetProperty("name").GetString());
        Assert.Equal(59.9119, stopPlace.GetProperty("latitude").GetDouble());
        Assert.Equal(10.7506, stopPlace.GetProperty("longitude").GetDouble());

        var calls = stopPlace.GetProperty("estimatedCalls").EnumerateArray().ToList();
        Assert.InRange(calls.Count, 10, 200);
        foreach (var call in calls)
        {
            Assert.Equal(
                ["aimedDepartureTime", "expectedDepartureTime", "actualDepartureTime", "realtime", "realtimeState", "cancellation", "predictionInaccurate", "date", "quay", "serviceJourney"],
                Keys(call));
            Assert.Equal(["id"], Keys(call.GetProperty("quay")));
            Assert.Equal(["id", "line"], Keys(call.GetProperty("serviceJourney")));
            Assert.Equal(["id", "publicCode", "transportMode"], Keys(call.GetProperty("serviceJourney").GetProperty("line")));
            Assert.StartsWith("NSR:Quay:", call.GetProperty("quay").GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Matches(ServiceJourneyId(), call.GetProperty("serviceJourney").GetProperty("id").GetString());
            Assert.Contains(call.GetProperty("realtimeState").GetString(), new[] { "scheduled", "updated", "canceled", "Added" });
            Assert.Contains(call.GetProperty("serviceJourney").GetProperty("line").GetProperty("transportMode").GetString(), new[] { "bus", "tram", "metro", "rail" });
        }
    }

    [Fact]
    public async Task Times_carry_seconds_and_the_winter_offset_and_expected_times_fall_in_the_window_in_order()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var start = new DateTimeOffset(2025, 1, 15, 7, 0, 0, TimeSpan.FromHours(1));
        var calls = Calls(await server.BoardAsync(Jernbanetorget, start, 3600));

        var expected = calls.Select(call => Time(call, "expectedDepartureTime")).ToList();
        Assert.All(calls, call =>
        {
            Assert.Matches(WinterTimestamp(), call.GetProperty("aimedDepartureTime").GetString());
            Assert.Matches(WinterTimestamp(), call.GetProperty("expectedDepartureTime").GetString());
            Assert.Equal("2025-01-15", call.GetProperty("date").GetString());
        });
        Assert.All(expected, time => Assert.InRange(time, start, start.AddSeconds(3599)));
        Assert.Equal(expected.Order(), expected);
    }

    [Fact]
    public async Task Summer_departures_carry_plus_two_hours()
    {
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 7, 1, 6, 0, 0, TimeSpan.Zero));
        var calls = Calls(await server.BoardAsync(TrondheimS, new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.FromHours(2)), 3600));

        Assert.NotEmpty(calls);
        Assert.All(calls, call => Assert.EndsWith(":00+02:00", call.GetProperty("aimedDepartureTime").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_board_across_the_spring_forward_night_mixes_offsets_and_night_calls_keep_the_previous_service_date()
    {
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 3, 29, 12, 0, 0, TimeSpan.Zero));

        // 00:00Z to 02:00Z on 30 March: 01:00+01:00 to 04:00+02:00, only night trips of Saturday's service day.
        var calls = Calls(await server.BoardAsync(Jernbanetorget, new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero), 7200));

        Assert.NotEmpty(calls);
        var offsets = calls.Select(call => call.GetProperty("aimedDepartureTime").GetString()![^6..]).Distinct().Order().ToList();
        Assert.Equal(["+01:00", "+02:00"], offsets);
        Assert.All(calls, call =>
        {
            var text = call.GetProperty("aimedDepartureTime").GetString()!;
            var instant = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Oslo.GetUtcOffset(instant), instant.Offset);
            Assert.Equal("2025-03-29", call.GetProperty("date").GetString());
            Assert.StartsWith("2025-03-30T", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Actual_times_exist_exactly_for_real_time_calls_already_passed_by_the_replay_clock()
    {
        // Now is 11:30 Oslo time; the board runs from 11:00 to 12:30.
        await using var server = await RunningReplayServer.StartAsync();
        var start = new DateTimeOffset(2025, 1, 15, 11, 0, 0, TimeSpan.FromHours(1));
        var now = RunningReplayServer.DefaultNow;
        var before = Calls(await server.BoardAsync(Majorstuen, start, 5400));

        Assert.Contains(before, call => call.GetProperty("actualDepartureTime").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Contains(before, call => call.GetProperty("actualDepartureTime").ValueKind == System.Text.Json.JsonValueKind.Null && call.GetProperty("realtime").GetBoolean());
        foreach (var call in before)
        {
            var expected = Time(call, "expectedDepartureTime");
            var recorded = call.GetProperty("realtime").GetBoolean() && !call.GetProperty("cancellation").GetBoolean() && expected <= now;
            if (recorded) Assert.Equal(expected, Time(call, "actualDepartureTime"));
            else Assert.Equal(System.Text.Json.JsonValueKind.Null, call.GetProperty("actualDepartureTime").ValueKind);
        }

        server.Time.Advance(TimeSpan.FromHours(2));
        var after = Calls(await server.BoardAsync(Majorstuen, start, 5400)).ToDictionary(Key);
        Assert.All(before.Where(call => call.GetProperty("realtimeState").GetString() is "updated" or "Added"), call =>
        {
            var later = after[Key(call)];
            Assert.Equal(call.GetProperty("aimedDepartureTime").GetString(), later.GetProperty("aimedDepartureTime").GetString());
            Assert.Equal(call.GetProperty("expectedDepartureTime").GetString(), later.GetProperty("actualDepartureTime").GetString());
            Assert.False(later.GetProperty("predictionInaccurate").GetBoolean());
        });
    }

    [Fact]
    public async Task Calls_without_real_time_expect_their_aimed_time_and_cancelled_calls_keep_it_too()
    {
        await using var server = await RunningReplayServer.StartAsync();
        List<System.Text.Json.JsonElement> calls = [];
        foreach (var (id, _, _) in StopPlaces)
        {
            calls.AddRange(Calls(await server.BoardAsync(id, new DateTimeOffset(2025, 1, 16, 0, 0, 0, TimeSpan.FromHours(1)), 86400, 2000)));
        }

        var scheduled = calls.Where(call => !call.GetProperty("realtime").GetBoolean()).ToList();
        var cancelled = calls.Where(call => call.GetProperty("cancellation").GetBoolean()).ToList();
        Assert.NotEmpty(scheduled);
        Assert.NotEmpty(cancelled);
        Assert.All(scheduled, call =>
        {
            Assert.Equal("scheduled", call.GetProperty("realtimeState").GetString());
            Assert.Equal(call.GetProperty("aimedDepartureTime").GetString(), call.GetProperty("expectedDepartureTime").GetString());
            Assert.False(call.GetProperty("predictionInaccurate").GetBoolean());
        });
        Assert.All(cancelled, call =>
        {
            Assert.Equal("canceled", call.GetProperty("realtimeState").GetString());
            Assert.True(call.GetProperty("realtime").GetBoolean());
            Assert.Equal(call.GetProperty("aimedDepartureTime").GetString(), call.GetProperty("expectedDepartureTime").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, call.GetProperty("actualDepartureTime").ValueKind);
        });
    }

    [Fact]
    public async Task Only_the_selected_fields_are_returned_under_their_aliases_with_fragments_and_directives()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = """
            query Q($id: String!, $withPosition: Boolean!) {
              place: stopPlace(id: $id) {
                __typename
                ...Named
                latitude @include(if: $withPosition)
                estimatedCalls(numberOfDepartures: 2) {
                  when: expectedDepartureTime
                  ... on EstimatedCall { quay { publicCode } }
                  serviceJourney @skip(if: true) { id }
                }
              }
            }
            fragment Named on StopPlace { name id }
            """;

        using var response = await server.PostGraphQLAsync(query, new { id = TrondheimS, withPosition = false });
        var place = (await DataAsync(response)).GetProperty("place");

        Assert.Equal(["__typename", "name", "id", "estimatedCalls"], Keys(place));
        Assert.Equal("StopPlace", place.GetProperty("__typename").GetString());
        var call = place.GetProperty("estimatedCalls")[0];
        Assert.Equal(["when", "quay"], Keys(call));
        Assert.Equal(2, place.GetProperty("estimatedCalls").GetArrayLength());
    }


    [Fact]
    public async Task Comments_commas_escapes_and_block_strings_read_like_graphql()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = "# departures, the hard way\n"
            + "query Q($start: DateTime = \"2025-01-15T07:00:00\",) {\n"
            + "  a: stopPlace(id: \"NSR:StopPlace:5836\\u0036\") { id, name, },\n"
            + "  b: stopPlace(id: \"\"\"\n      NSR:StopPlace:41742\n    \"\"\") { estimatedCalls(startTime: $start, numberOfDepartures: 1) { expectedDepartureTime } }\n"
            + "}";

        using var response = await server.PostGraphQLAsync(query);
        var data = await DataAsync(response);

        Assert.Equal("Jernbanetorget", data.GetProperty("a").GetProperty("name").GetString());
        // A start time without an offset is Oslo wall time.
        var first = data.GetProperty("b").GetProperty("estimatedCalls")[0];
        Assert.StartsWith("2025-01-15T07:", first.GetProperty("expectedDepartureTime").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("+01:00", first.GetProperty("expectedDepartureTime").GetString(), StringComparison.Ordinal);
    }


    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$")]
    private static partial Regex WinterTimestamp();

    [GeneratedRegex(@"^(RUT|VYG|SKY|ATB):ServiceJourney:[0-9A-Z]+-(\d{6}|ekstra-\d{8}-\d)$")]
    private static partial Regex ServiceJourneyId();
}
