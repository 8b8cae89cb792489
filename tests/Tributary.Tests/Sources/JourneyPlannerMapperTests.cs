using System.Text;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Sources.Entur;
using Tributary.Tests.Replay;
using Tributary.Tests.Replay.Entur;

namespace Tributary.Tests.Sources;

public sealed class JourneyPlannerMapperTests
{
    private static readonly JourneyPlannerMapper Mapper = new(JourneyPlannerMapper.OpenId, TributaryOptions.DefaultCities.ToDictionary(c => c.Id));
    private static readonly RawPageContext Oslo = new("entur-jp", "entur-jp/2025/01/15/20250115T0730Z/NSR_StopPlace_58366.json", "oslo", "NSR:StopPlace:58366");

    private static string Call(string aimed, string expected, string? actual = null, bool realtime = true, bool cancelled = false,
        bool inaccurate = false, string quay = "NSR:Quay:1001", string journey = "RUT:ServiceJourney:31-000123", string date = "2025-01-15") => $$"""
        { "aimedDepartureTime": "{{aimed}}", "expectedDepartureTime": "{{expected}}", "actualDepartureTime": {{(actual is null ? "null" : $"\"{actual}\"")}},
          "realtime": {{(realtime ? "true" : "false")}}, "realtimeState": "updated", "cancellation": {{(cancelled ? "true" : "false")}},
          "predictionInaccurate": {{(inaccurate ? "true" : "false")}}, "date": "{{date}}", "quay": { "id": "{{quay}}" },
          "serviceJourney": { "id": "{{journey}}", "line": { "id": "RUT:Line:31", "publicCode": "31", "transportMode": "bus" } } }
        """;

    private static string Board(params string[] calls) => $$"""
        { "data": { "stopPlace": { "id": "NSR:StopPlace:58366", "name": "Jernbanetorget", "latitude": 59.9119, "longitude": 10.7506,
          "estimatedCalls": [{{string.Join(',', calls)}}] } } }
        """;

    private static MappingResult Map(string json) => Mapper.Map(Encoding.UTF8.GetBytes(json), Oslo);

    [Fact]
    public void Delay_is_expected_minus_aimed_in_seconds_at_the_aimed_instant_in_UTC()
    {
        var result = Map(Board(Call("2025-01-15T08:02:00+01:00", "2025-01-15T08:05:30+01:00")));

        Assert.Empty(result.Rejected);
        var o = Assert.Single(result.Observations);
        Assert.Equal((Metrics.DepartureDelay, "s", 210.0, QualityFlags.None), (o.Metric, o.Unit, o.Value, o.Flags));
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 7, 2, 0, TimeSpan.Zero), o.TimestampUtc);
        Assert.Equal(TimeSpan.Zero, o.TimestampUtc.Offset);
        Assert.Equal(("NSR:Quay:1001", "oslo", 59.9119, 10.7506), (o.LocationId, o.CityId, o.Latitude, o.Longitude));
        Assert.Equal("RUT:ServiceJourney:31-000123|2025-01-15|NSR:Quay:1001", o.SourceRecordKey);
        Assert.Equal("entur-jp", o.Source);
    }

    [Fact]
    public void An_actual_departure_wins_over_the_expected_one()
    {
        var o = Assert.Single(Map(Board(Call("2025-01-15T08:02:00+01:00", "2025-01-15T08:05:30+01:00", actual: "2025-01-15T08:01:30+01:00"))).Observations);

        Assert.Equal(-30.0, o.Value);
    }

    [Fact]
    public void A_cancelled_call_has_no_value_and_is_flagged()
    {
        var o = Assert.Single(Map(Board(Call("2025-01-15T08:10:00+01:00", "2025-01-15T08:10:00+01:00", cancelled: true))).Observations);

        Assert.Null(o.Value);
        Assert.Equal(QualityFlags.Cancelled, o.Flags);
    }

    [Fact]
    public void Calls_without_real_time_data_and_inaccurate_predictions_are_flagged_not_dropped()
    {
        var result = Map(Board(
            Call("2025-01-15T08:10:00+01:00", "2025-01-15T08:10:00+01:00", realtime: false),
            Call("2025-01-15T08:12:00+01:00", "2025-01-15T08:20:00+01:00", inaccurate: true, journey: "RUT:ServiceJourney:20-1")));

        Assert.Equal([QualityFlags.ScheduledOnly, QualityFlags.PredictionInaccurate], result.Observations.Select(o => o.Flags));
        Assert.Equal([0.0, 480.0], result.Observations.Select(o => o.Value!.Value));
    }

    [Fact]
    public void Mixed_DST_offsets_in_one_board_both_become_UTC()
    {
        // 2025-03-30: Norway moves from +01:00 to +02:00 at 02:00 local (01:00 UTC).
        var result = Map(Board(
            Call("2025-03-30T01:50:00+01:00", "2025-03-30T01:52:00+01:00", journey: "RUT:ServiceJourney:N1", date: "2025-03-29"),
            Call("2025-03-30T03:10:00+02:00", "2025-03-30T03:11:00+02:00", journey: "RUT:ServiceJourney:N2", date: "2025-03-30")));

        Assert.Equal(
            [new DateTimeOffset(2025, 3, 30, 0, 50, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 30, 1, 10, 0, TimeSpan.Zero)],
            result.Observations.Select(o => o.TimestampUtc));
        Assert.Equal([120.0, 60.0], result.Observations.Select(o => o.Value!.Value));
    }

    [Fact]
    public void Two_trips_leaving_one_quay_in_the_same_minute_are_two_rows()
    {
        var result = Map(Board(
            Call("2025-01-15T08:02:00+01:00", "2025-01-15T08:02:00+01:00", journey: "RUT:ServiceJourney:A"),
            Call("2025-01-15T08:02:00+01:00", "2025-01-15T08:03:00+01:00", journey: "RUT:ServiceJourney:B")));

        Assert.Equal(2, result.Observations.Select(ObservationKeys.Row).Distinct().Count());
    }

    [Fact]
    public void Delays_outside_the_plausible_range_are_kept_and_flagged()
    {
        var o = Assert.Single(Map(Board(Call("2025-01-15T08:00:00+01:00", "2025-01-15T13:00:00+01:00"))).Observations);

        Assert.Equal((18000.0, QualityFlags.OutOfRange), (o.Value, o.Flags));
    }

    [Fact]
    public void A_call_without_an_offset_or_a_journey_is_rejected_with_its_reason()
    {
        var result = Map(Board(
            Call("2025-01-15T08:02:00", "2025-01-15T08:05:30+01:00"),
            Call("2025-01-15T08:02:00+01:00", "2025-01-15T08:05:30+01:00", journey: "").Replace("\"id\": \"\"", "\"id\": null", StringComparison.Ordinal),
            Call("2025-01-15T08:04:00+01:00", "2025-01-15T08:04:00+01:00", journey: "RUT:ServiceJourney:ok")));

        Assert.Single(result.Observations);
        Assert.Equal(["data.stopPlace.estimatedCalls[0]", "data.stopPlace.estimatedCalls[1]"], result.Rejected.Select(r => r.Locator));
        Assert.Contains("offset", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("serviceJourney", result.Rejected[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_stop_place_is_a_rejected_record_naming_the_id()
    {
        var result = Map("""{ "data": { "stopPlace": null } }""");

        Assert.Empty(result.Observations);
        Assert.Contains("NSR:StopPlace:58366", Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphQL_errors_without_data_quarantine_the_page_and_beside_data_are_reported()
    {
        var failure = Assert.Throws<MalformedPayloadException>(() =>
            Map("""{ "errors": [ { "message": "Validation error of type FieldUndefined", "extensions": { "classification": "ValidationError" } } ] }"""));
        Assert.Contains("FieldUndefined", failure.Message, StringComparison.Ordinal);

        var partial = Map(Board(Call("2025-01-15T08:02:00+01:00", "2025-01-15T08:02:00+01:00")).TrimEnd()[..^1] +
            """, "errors": [ { "message": "quay lookup timed out" } ] }""");
        Assert.Single(partial.Observations);
        Assert.Equal("errors[0]", Assert.Single(partial.Rejected).Locator);
    }

    [Fact]
    public void A_page_that_is_not_JSON_or_names_no_city_is_malformed()
    {
        Assert.Throws<MalformedPayloadException>(() => Map("{ \"data\": { \"stopPl"));
        Assert.Throws<MalformedPayloadException>(() => Mapper.Map(Encoding.UTF8.GetBytes(Board()), Oslo with { CityId = null }));
    }

    [Fact]
    public async Task Every_call_of_a_replayed_board_maps_to_one_observation()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var start = RunningReplayServer.DefaultNow.AddHours(-2);
        using var response = await server.PostGraphQLAsync(EnturRequests.DocumentedQuery,
            new { id = EnturRequests.Jernbanetorget, start = EnturRequests.Iso(start), range = 7200, n = 1000 });
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var calls = EnturRequests.Calls((await EnturRequests.DataAsync(response)));

        var result = Mapper.Map(body, Oslo);

        Assert.Empty(result.Rejected);
        Assert.NotEmpty(calls);
        Assert.Equal(calls.Length, result.Observations.Count);
        Assert.Equal(calls.Length, result.Observations.Select(ObservationKeys.Row).Distinct().Count());
        foreach (var (call, o) in calls.Zip(result.Observations))
        {
            var aimed = EnturRequests.Time(call, "aimedDepartureTime");
            Assert.Equal(aimed, o.TimestampUtc);
            if (call.GetProperty("cancellation").GetBoolean())
            {
                Assert.Null(o.Value);
                continue;
            }
            var departed = call.GetProperty("actualDepartureTime").ValueKind == System.Text.Json.JsonValueKind.String
                ? EnturRequests.Time(call, "actualDepartureTime")
                : EnturRequests.Time(call, "expectedDepartureTime");
            Assert.Equal((departed - aimed).TotalSeconds, o.Value);
        }
        Assert.Contains(result.Observations, o => o.Value is > 0);
    }
}
