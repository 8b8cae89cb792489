using System.IO.Compression;
using System.Text;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Sources.Gtfs;
using Tributary.Tests.Replay;
using Tributary.Tests.Replay.Entur;

namespace Tributary.Tests.Sources;

public sealed class GtfsFeedMapperTests
{
    private static readonly GtfsFeedMapper Mapper = new(TributaryOptions.DefaultCities.ToDictionary(c => c.Id));

    // Run on 2025-03-30, the day Norway moves to summer time: service dates 03-29 to 04-06 are kept.
    private static readonly RawPageContext Context = new("entur-gtfs", "entur-gtfs/2025/03/30/20250330T0330Z/feed.zip", null, null, "20250330T0330Z");

    private static readonly (string Name, string Text, bool Bom)[] TrappyFeed =
    [
        ("agency.txt", "agency_id,agency_name,agency_url,agency_timezone\nRUT:Authority:RUT,Ruter,https://ruter.no,Europe/Oslo\n", true),
        // Columns out of the usual order, CRLF line ends, quoted commas and doubled quotes, a stop far from every city.
        ("stops.txt", "stop_name,stop_id,stop_lat,stop_lon,location_type,parent_station\r\n" +
            "Jernbanetorget,NSR:StopPlace:58366,59.911900,10.750600,1,\r\n" +
            "Jernbanetorget,NSR:Quay:1001,59.911500,10.749900,0,NSR:StopPlace:58366\r\n" +
            "\"Jernbanetorget, spor \"\"B\"\"\",\"NSR:Quay:1002\",59.911700,10.750100,0,NSR:StopPlace:58366\r\n" +
            "Tromsø sentrum,NSR:Quay:9999,69.649200,18.955300,0,\r\n", true),
        ("trips.txt", "route_id,service_id,trip_id\nRUT:Line:31,WK,T1\nRUT:Line:31,WK,T2\nRUT:Line:31,WK,T3\nRUT:Line:31,SU,S1\nRUT:Line:31,SU,S2\nRUT:Line:31,WK,FAR\n", false),
        ("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n" +
            "WK,1,1,1,1,1,0,0,20250301,20250430\nSU,0,0,0,0,0,0,1,20250301,20250430\n", false),
        // Monday 31 March runs the Sunday service instead (a holiday).
        ("calendar_dates.txt", "service_id,date,exception_type\nWK,20250331,2\nSU,20250331,1\n", false),
        ("stop_times.txt", "stop_id,trip_id,departure_time,arrival_time,stop_sequence,pickup_type\n" +
            "NSR:Quay:1001,T1,08:02:00,08:01:30,7,0\n" +
            "NSR:Quay:1001,T2,24:55:00,24:55:00,3,0\n" +
            "NSR:Quay:1002,T3,08:15:00,08:15:00,9,1\n" +
            "NSR:Quay:1001,S1,08:00:00,08:00:00,1,\n" +
            "NSR:Quay:1001,S2,1:30:00,1:30:00,1,0\n" +
            "NSR:Quay:9999,FAR,09:00:00,09:00:00,1,0\n", false),
    ];

    private static byte[] Zip(IEnumerable<(string Name, string Text, bool Bom)> files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text, bom) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(new UTF8Encoding(bom).GetPreamble());
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return stream.ToArray();
    }

    private static Dictionary<(string Quay, DateTimeOffset Hour), double> Counts(MappingResult result) =>
        result.Observations.ToDictionary(o => (o.LocationId, o.TimestampUtc), o => o.Value!.Value);

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2025, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Departures_are_counted_per_quay_and_UTC_hour_with_service_day_arithmetic()
    {
        var result = Mapper.Map(Zip(TrappyFeed), Context);

        Assert.Empty(result.Rejected);
        var counts = Counts(result);
        Assert.All(result.Observations, o => Assert.Equal((Metrics.ScheduledDepartures, "1", 3600, "oslo"), (o.Metric, o.Unit, o.PeriodSeconds, o.CityId)));
        // 08:02 on a weekday in summer time is 06:02 UTC.
        Assert.Equal(1, counts[("NSR:Quay:1001", Utc(4, 1, 6))]);
        // 24:55:00 is 00:55 the next morning, local: 22:55 UTC on the service date.
        Assert.Equal(1, counts[("NSR:Quay:1001", Utc(4, 1, 22))]);
        // On the DST day, times count from noon minus 12 h (23:00 the evening before, CET): 08:00 is 06:00 UTC and
        // 1:30:00 is 00:30 CET, i.e. 23:30 UTC on the 29th, not 00:30 UTC.
        Assert.Equal(1, counts[("NSR:Quay:1001", Utc(3, 30, 6))]);
        Assert.Equal(1, counts[("NSR:Quay:1001", Utc(3, 29, 23))]);
        Assert.False(counts.ContainsKey(("NSR:Quay:1001", Utc(3, 30, 0))));
        // The holiday: Sunday service (one departure at 06:00 UTC), not the weekday one as well.
        Assert.Equal(1, counts[("NSR:Quay:1001", Utc(3, 31, 6))]);
        // Weekdays 04-01..04-04 (two trips each) and Sunday service on 03-30, 03-31 and 04-06 (two trips each).
        Assert.Equal(14, counts.Values.Sum());
        Assert.All(counts.Keys, k => Assert.Equal("NSR:Quay:1001", k.Quay)); // 1002 allows no boarding; 9999 is in no city.
        Assert.All(counts.Keys, k => Assert.InRange(k.Hour, Utc(3, 29, 0), Utc(4, 7, 0)));
    }

    [Fact]
    public void Stops_of_our_cities_become_the_stop_dimension_with_names_unquoted()
    {
        var result = Mapper.Map(Zip(TrappyFeed), Context);

        var stops = result.Dimensions.ToDictionary(d => d.Id);
        Assert.Equal(["NSR:Quay:1001", "NSR:Quay:1002", "NSR:StopPlace:58366"], stops.Keys.Order(StringComparer.Ordinal));
        Assert.All(stops.Values, s => Assert.Equal(("stop", "oslo"), (s.Kind, s.Attributes["city"])));
        Assert.Equal("Jernbanetorget, spor \"B\"", stops["NSR:Quay:1002"].Attributes["name"]);
        Assert.Equal("NSR:StopPlace:58366", stops["NSR:Quay:1002"].Attributes["parentStation"]);
        Assert.Equal(("1", "59.9119", "10.7506"), (stops["NSR:StopPlace:58366"].Attributes["locationType"],
            stops["NSR:StopPlace:58366"].Attributes["latitude"], stops["NSR:StopPlace:58366"].Attributes["longitude"]));
    }

    [Fact]
    public void Bad_rows_are_rejected_with_file_and_line_and_the_rest_is_kept()
    {
        var feed = TrappyFeed.Select(f => f.Name == "stop_times.txt" ? f with { Text = f.Text + "NSR:Quay:1001,T1,8h02,8h02,8,0\nNSR:Quay:1001,GHOST,09:00:00,09:00:00,1,0\n" } : f);

        var result = Mapper.Map(Zip(feed), Context);

        Assert.Equal(14, result.Observations.Sum(o => o.Value));
        Assert.Equal(["stop_times.txt line 8", "stop_times.txt line 9"], result.Rejected.Select(r => r.Locator));
        Assert.Contains("8h02", result.Rejected[0].RawValue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_missing_a_required_file_or_column_or_not_a_zip_is_malformed_and_says_which()
    {
        var noStopTimes = Assert.Throws<MalformedPayloadException>(() => Mapper.Map(Zip(TrappyFeed.Where(f => f.Name != "stop_times.txt")), Context));
        Assert.Contains("stop_times.txt", noStopTimes.Message, StringComparison.Ordinal);

        var noTripId = Assert.Throws<MalformedPayloadException>(() => Mapper.Map(Zip(TrappyFeed.Select(f =>
            f.Name == "trips.txt" ? f with { Text = "route_id,service_id,id\nRUT:Line:31,WK,T1\n" } : f)), Context));
        Assert.Contains("trips.txt has no 'trip_id'", noTripId.Message, StringComparison.Ordinal);

        var truncated = Zip(TrappyFeed);
        Assert.Throws<MalformedPayloadException>(() => Mapper.Map(truncated[..(truncated.Length / 2)], Context));
    }

    [Fact]
    public async Task The_replayed_national_feed_schedules_the_same_departures_the_journey_planner_shows()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var (response, zip) = await server.GetGtfsAsync();
        response.Dispose();
        var now = RunningReplayServer.DefaultNow;

        var result = Mapper.Map(zip, Context with { RunId = Tributary.Landing.RunIds.For(now) });

        Assert.Empty(result.Rejected);
        var quays = result.Dimensions.Where(d => d.Attributes["parentStation"] == EnturRequests.Jernbanetorget).Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(quays);
        Assert.Equal(12, result.Dimensions.Count(d => d.Attributes["locationType"] == "1"));
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, 12, 0, 0, TimeSpan.Zero);
        var scheduled = result.Observations.Where(o => quays.Contains(o.LocationId) && o.TimestampUtc == hour).Sum(o => o.Value!.Value);

        // The board lists by expected time; ask wide and keep the calls aimed in the hour. Extra trips are not in the timetable.
        var board = EnturRequests.Calls(await server.BoardAsync(EnturRequests.Jernbanetorget, hour.AddHours(-1), 3 * 3600));
        var planned = board.Count(call => call.GetProperty("realtimeState").GetString() != "Added" &&
            EnturRequests.Time(call, "aimedDepartureTime") >= hour && EnturRequests.Time(call, "aimedDepartureTime") < hour.AddHours(1));

        Assert.True(planned > 0);
        Assert.Equal(planned, scheduled);
    }
}
