using System.Net;
using System.Text;
using System.Text.Json;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary><c>/v3/locations</c> and <c>/v3/locations/{id}</c>: the stations near each demo city, their sensors and paging.</summary>
public sealed class OpenAqLocationTests
{
    [Fact]
    public async Task Locations_near_Oslo_have_the_vendors_shape_with_sensors_and_distance()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync("/v3/locations?coordinates=59.9139,10.7522&radius=10000&parameters_id=2&limit=100&page=1");

        var meta = body.GetProperty("meta");
        Assert.Equal(("openaq-api", "/", 1, 100, 3), (meta.GetProperty("name").GetString(), meta.GetProperty("website").GetString(),
            meta.GetProperty("page").GetInt32(), meta.GetProperty("limit").GetInt32(), meta.GetProperty("found").GetInt32()));
        var results = body.Results();
        Assert.Equal([2001, 2002, 2003], results.Select(r => r.GetProperty("id").GetInt32()));
        var first = results[0];
        Assert.Equal(("Kirkeveien", "Oslo", "Europe/Oslo"), (first.GetProperty("name").GetString(), first.GetProperty("locality").GetString(), first.GetProperty("timezone").GetString()));
        Assert.Equal(("NO", "Norway"), (first.GetProperty("country").GetProperty("code").GetString(), first.GetProperty("country").GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Number, first.GetProperty("country").GetProperty("id").ValueKind);
        Assert.False(first.GetProperty("isMobile").GetBoolean());
        Assert.True(first.GetProperty("isMonitor").GetBoolean());
        Assert.Equal((59.9326, 10.7247), (first.GetProperty("coordinates").GetProperty("latitude").GetDouble(), first.GetProperty("coordinates").GetProperty("longitude").GetDouble()));
        var sensors = first.GetProperty("sensors").EnumerateArray().ToList();
        Assert.Equal([3001, 3002, 3003, 3004], sensors.Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal(["pm25 \u00B5g/m\u00B3", "pm10 \u00B5g/m\u00B3", "no2 ppm", "o3 ppm"], sensors.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([2, 1, 7, 10], sensors.Select(s => s.GetProperty("parameter").GetProperty("id").GetInt32()));
        Assert.Equal("2016-01-01T01:00:00Z", first.GetProperty("datetimeFirst").GetProperty("utc").GetString());
        Assert.Equal(("2025-01-15T10:00:00Z", "2025-01-15T11:00:00+01:00"),
            (first.GetProperty("datetimeLast").GetProperty("utc").GetString(), first.GetProperty("datetimeLast").GetProperty("local").GetString()));
    }

    [Fact]
    public async Task Distances_are_great_circle_metres_and_the_radius_cuts_off_the_farther_stations()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var wide = (await server.OkAsync("/v3/locations?coordinates=59.9139,10.7522&radius=10000")).Results();
        var narrow = await server.OkAsync("/v3/locations?coordinates=59.9139,10.7522&radius=3000");

        var byDistance = wide.OrderBy(r => r.GetProperty("distance").GetDouble()).ToList();
        Assert.Equal([2001, 2003, 2002], byDistance.Select(r => r.GetProperty("id").GetInt32()));
        Assert.InRange(byDistance[0].GetProperty("distance").GetDouble(), 2400, 2800);
        Assert.InRange(byDistance[2].GetProperty("distance").GetDouble(), 5200, 5700);
        Assert.Equal([2001, 2003], narrow.Results().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(2, narrow.Found().GetInt32());
    }

    [Theory]
    [InlineData(59.9139, 10.7522, new[] { 2001, 2002, 2003 })]
    [InlineData(60.3913, 5.3221, new[] { 2011, 2012, 2013 })]
    [InlineData(63.4305, 10.3951, new[] { 2021, 2022, 2023 })]
    public async Task Each_demo_city_has_three_stations_around_it(double latitude, double longitude, int[] expected)
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync(FormattableString.Invariant($"/v3/locations?coordinates={latitude},{longitude}&radius=10000"));

        Assert.Equal(expected, body.Results().Select(r => r.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Parameters_id_keeps_only_locations_with_a_sensor_of_that_parameter()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var ozone = await server.OkAsync("/v3/locations?parameters_id=10");
        var pm25 = await server.OkAsync("/v3/locations?parameters_id=2");

        Assert.Equal([2001, 2011, 2021], ozone.Results().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(9, pm25.Found().GetInt32());
    }

    [Fact]
    public async Task A_bounding_box_finds_the_stations_inside_it_without_distance()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync("/v3/locations?bbox=5.2,60.3,5.45,60.45");

        var results = body.Results();
        Assert.Equal([2011, 2012, 2013], results.Select(r => r.GetProperty("id").GetInt32()));
        Assert.All(results, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("distance").ValueKind));
    }

    [Fact]
    public async Task Location_pages_follow_page_and_limit_and_found_is_the_total()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var ids = new List<int>();
        var pages = 0;
        for (var page = 1; ; page++)
        {
            var body = await server.OkAsync($"/v3/locations?limit=2&page={page}");
            Assert.Equal(9, body.Found().GetInt32());
            Assert.Equal((page, 2), (body.GetProperty("meta").GetProperty("page").GetInt32(), body.GetProperty("meta").GetProperty("limit").GetInt32()));
            var results = body.Results();
            ids.AddRange(results.Select(r => r.GetProperty("id").GetInt32()));
            pages++;
            if (results.Count < 2) break;
        }

        Assert.Equal(5, pages);
        Assert.Equal([2001, 2002, 2003, 2011, 2012, 2013, 2021, 2022, 2023], ids);
    }

    [Fact]
    public async Task One_location_by_id_comes_in_the_same_envelope()
    {
        await using var server = await RunningReplayServer.StartAsync();

        var body = await server.OkAsync("/v3/locations/2012");

        Assert.Equal(1, body.Found().GetInt32());
        var only = Assert.Single(body.Results());
        Assert.Equal((2012, "Bergen"), (only.GetProperty("id").GetInt32(), only.GetProperty("locality").GetString()));
        Assert.Equal([3041, 3042, 3043], only.GetProperty("sensors").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Micro_signs_are_sent_as_raw_UTF8_like_the_vendor()
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var response = await server.GetWithKeyAsync("/v3/locations/2001");
        var bytes = await response.Content.ReadAsByteArrayAsync(OpenAqRequests.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"units\":\"\u00B5g/m\u00B3\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
