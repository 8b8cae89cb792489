using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

public sealed class EnturGtfsTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public async Task The_zip_is_served_with_its_validators_and_holds_the_gtfs_files()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var (response, zip) = await server.GetGtfsAsync();
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        // Published daily at 04:00 Oslo time: 03:00 UTC in winter.
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 3, 0, 0, TimeSpan.Zero), response.Content.Headers.LastModified);

        var files = Unzip(zip);
        Assert.Equal(
            ["agency.txt", "calendar.txt", "feed_info.txt", "routes.txt", "stop_times.txt", "stops.txt", "trips.txt"],
            files.Keys.Order(StringComparer.Ordinal));
        Assert.All(GtfsCsv.Records(files["agency.txt"]), agency => Assert.Equal("Europe/Oslo", agency["agency_timezone"]));
    }

    [Fact]
    public async Task The_files_carry_the_formats_traps()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var (response, zip) = await server.GetGtfsAsync();
        response.Dispose();
        var files = Unzip(zip);

        Assert.True(files["stops.txt"].AsSpan().StartsWith(GtfsCsv.Bom), "stops.txt has no BOM");
        Assert.True(files["agency.txt"].AsSpan().StartsWith(GtfsCsv.Bom), "agency.txt has no BOM");
        Assert.False(files["stop_times.txt"].AsSpan().StartsWith(GtfsCsv.Bom));

        var stopsText = Encoding.UTF8.GetString(files["stops.txt"]);
        Assert.Contains("\r\n", stopsText, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n", Encoding.UTF8.GetString(files["trips.txt"]), StringComparison.Ordinal);
        Assert.Contains("NSR:Quay:1002,\"Jernbanetorget, spor \"\"B\"\"\"", stopsText, StringComparison.Ordinal);

        var trapQuay = GtfsCsv.Records(files["stops.txt"]).Single(stop => stop["stop_id"] == "NSR:Quay:1002");
        Assert.Equal("Jernbanetorget, spor \"B\"", trapQuay["stop_name"]);
        Assert.Equal("NSR:StopPlace:58366", trapQuay["parent_station"]);

        string[] canonical = ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "pickup_type", "drop_off_type"];
        var stopTimesHeader = GtfsCsv.Header(files["stop_times.txt"]);
        Assert.Equal(canonical.Order(), stopTimesHeader.Order());
        Assert.NotEqual(canonical, stopTimesHeader);

        var stopTimes = GtfsCsv.Records(files["stop_times.txt"]);
        var late = stopTimes.Where(row => Seconds(row["departure_time"]) >= 24 * 3600).ToList();
        Assert.NotEmpty(late);
        Assert.Contains(late, row => row["trip_id"].StartsWith("RUT:ServiceJourney:N31-", StringComparison.Ordinal));
        Assert.Contains(late, row => row["departure_time"].StartsWith("24:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stops_match_the_journey_planner_catalogue()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var (response, zip) = await server.GetGtfsAsync();
        response.Dispose();
        var stops = GtfsCsv.Records(Unzip(zip)["stops.txt"]).ToDictionary(stop => stop["stop_id"]);

        Assert.Equal(12, stops.Values.Count(stop => stop["location_type"] == "1"));
        foreach (var (id, _, _) in StopPlaces)
        {
            using var planner = await server.PostGraphQLAsync("query($id: String!) { stopPlace(id: $id) { id name latitude longitude } }", new { id });
            var place = (await DataAsync(planner)).GetProperty("stopPlace");
            var station = stops[id];
            Assert.Equal(("1", place.GetProperty("name").GetString()), (station["location_type"], station["stop_name"]));
            Assert.Equal(place.GetProperty("latitude").GetDouble(), double.Parse(station["stop_lat"], CultureInfo.InvariantCulture), 6);
            Assert.Equal(place.GetProperty("longitude").GetDouble(), double.Parse(station["stop_lon"], CultureInfo.InvariantCulture), 6);
            // Every quay a board departs from is a platform of this station in the feed.
            foreach (var call in Calls(await server.BoardAsync(id, RunningReplayServer.DefaultNow, 3600)))
            {
                var platform = stops[call.GetProperty("quay").GetProperty("id").GetString()!];
                Assert.Equal(("0", id), (platform["location_type"], platform["parent_station"]));
            }
        }
    }

    [Fact]
    public async Task Planned_departures_are_the_stop_times_counted_from_noon_minus_twelve_hours()
    {
        await using var server = await RunningReplayServer.StartAsync();
        await AssertBoardMatchesStopTimes(server, Jernbanetorget, new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.FromHours(1)), expectedDayType: '0');
        await AssertBoardMatchesStopTimes(server, TrondheimS, new DateTimeOffset(2025, 1, 18, 6, 0, 0, TimeSpan.FromHours(1)), expectedDayType: '1');
    }

    [Fact]
    public async Task A_window_over_the_spring_forward_sunday_covers_it_and_its_times_still_match()
    {
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 3, 28, 10, 0, 0, TimeSpan.Zero));
        var (response, zip) = await server.GetGtfsAsync();
        response.Dispose();

        var calendar = GtfsCsv.Records(Unzip(zip)["calendar.txt"]);
        Assert.All(calendar, service =>
        {
            Assert.Equal("20250327", service["start_date"]);
            Assert.Equal("20250404", service["end_date"]);
        });
        await AssertBoardMatchesStopTimes(server, Jernbanetorget, new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.FromHours(1)), expectedDayType: null, zip);
    }


    [Fact]
    public async Task A_matching_if_none_match_or_if_modified_since_gets_304_until_the_next_publish()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var (first, zip) = await server.GetGtfsAsync();
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        first.Dispose();

        var (notModified, empty) = await server.GetGtfsAsync(request => request.Headers.IfNoneMatch.Add(etag));
        using (notModified)
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(empty);
            Assert.Equal(etag, notModified.Headers.ETag);
        }

        var (weak, _) = await server.GetGtfsAsync(request => request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, isWeak: true)));
        using (weak) Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);

        var (sinceLastModified, _) = await server.GetGtfsAsync(request => request.Headers.IfModifiedSince = lastModified);
        using (sinceLastModified) Assert.Equal(HttpStatusCode.NotModified, sinceLastModified.StatusCode);

        var (otherTag, body) = await server.GetGtfsAsync(request => request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"")));
        using (otherTag)
        {
            Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
            Assert.Equal(zip, body);
        }

        server.Time.Advance(TimeSpan.FromHours(6));
        var (sameDay, _) = await server.GetGtfsAsync(request => request.Headers.IfNoneMatch.Add(etag));
        using (sameDay) Assert.Equal(HttpStatusCode.NotModified, sameDay.StatusCode);

        server.Time.Advance(TimeSpan.FromHours(18));
        var (nextDay, _) = await server.GetGtfsAsync(request => request.Headers.IfNoneMatch.Add(etag));
        using (nextDay)
        {
            Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
            Assert.NotEqual(etag, nextDay.Headers.ETag);
            Assert.Equal(lastModified.AddDays(1), nextDay.Content.Headers.LastModified);
        }
    }

    [Fact]
    public async Task The_same_seed_and_day_give_the_same_bytes_and_head_gives_only_the_headers()
    {
        byte[] first;
        await using (var server = await RunningReplayServer.StartAsync())
        {
            var (response, zip) = await server.GetGtfsAsync();
            response.Dispose();
            first = zip;
        }

        await using (var server = await RunningReplayServer.StartAsync())
        {
            var (response, zip) = await server.GetGtfsAsync();
            response.Dispose();
            Assert.Equal(first, zip);

            var (head, body) = await server.GetGtfsAsync(method: HttpMethod.Head);
            using (head)
            {
                Assert.Equal(HttpStatusCode.OK, head.StatusCode);
                Assert.Equal(first.Length, head.Content.Headers.ContentLength);
                Assert.Empty(body);
            }
        }
    }

    private static async Task AssertBoardMatchesStopTimes(RunningReplayServer server, string stopId, DateTimeOffset from, char? expectedDayType, byte[]? zip = null)
    {
        if (zip is null)
        {
            var (response, fetched) = await server.GetGtfsAsync();
            response.Dispose();
            zip = fetched;
        }

        var files = Unzip(zip);
        var trips = GtfsCsv.Records(files["trips.txt"]).ToDictionary(trip => trip["trip_id"]);
        var stopTimes = GtfsCsv.Records(files["stop_times.txt"]).ToDictionary(row => (row["trip_id"], row["stop_id"]));
        var routes = GtfsCsv.Records(files["routes.txt"]).Select(route => route["route_id"]).ToHashSet();

        var calls = Calls(await server.BoardAsync(stopId, from, 12 * 3600, 2000));
        Assert.NotEmpty(calls);
        var planned = calls.Where(call => call.GetProperty("realtimeState").GetString() != "Added").ToList();
        Assert.NotEmpty(planned);
        Assert.All(calls.Except(planned), call => Assert.False(trips.ContainsKey(call.GetProperty("serviceJourney").GetProperty("id").GetString()!)));
        foreach (var call in planned)
        {
            var (journey, date, quay) = Key(call);
            var trip = trips[journey];
            Assert.Equal(call.GetProperty("serviceJourney").GetProperty("line").GetProperty("id").GetString(), trip["route_id"]);
            Assert.Contains(trip["route_id"], routes);
            if (expectedDayType is { } dayType) Assert.Equal(dayType, journey[journey.LastIndexOf('-') + 1]);

            var row = stopTimes[(journey, quay)];
            var serviceDate = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var aimed = ServiceDayStart(serviceDate).AddSeconds(Seconds(row["departure_time"]));
            Assert.Equal(aimed, Time(call, "aimedDepartureTime"));
            Assert.Equal(Oslo.GetUtcOffset(aimed), Time(call, "aimedDepartureTime").Offset);
        }
    }

    private static DateTimeOffset ServiceDayStart(DateOnly date)
    {
        var noon = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, Oslo.GetUtcOffset(noon)).AddHours(-12);
    }

    private static int Seconds(string gtfsTime)
    {
        var parts = gtfsTime.Split(':').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0] * 3600) + (parts[1] * 60) + parts[2];
    }
}
