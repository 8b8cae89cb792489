using System.Net;
using System.Text.Json;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed class OpenMeteoRateLimitTests
{
    private const string MinutelyReason = "Minutely API request limit exceeded. Please try again in one minute.";
    private const string DailyReason = "Daily API request limit exceeded. Please try again tomorrow.";

    [Fact]
    public async Task The_call_after_the_minutely_limit_gets_429_with_the_vendors_body_and_no_retry_headers()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:OpenMeteo:MinutelyLimit=3");
        var query = Forecast($"{Oslo}&hourly=temperature_2m");

        for (var call = 1; call <= 3; call++)
        {
            using var allowed = await server.GetAsync(query);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await server.GetAsync(query);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal($"{{\"reason\":\"{MinutelyReason}\",\"error\":true}}", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Null(refused.Headers.RetryAfter);
        Assert.DoesNotContain(refused.Headers, header => header.Key.Contains("RateLimit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_minutely_counter_resets_at_the_next_clock_minute_not_sixty_seconds_after_the_first_call()
    {
        // 10:30:50 - the window ends at 10:31:00, only ten seconds later.
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 1, 15, 10, 30, 50, TimeSpan.Zero), "--Replay:OpenMeteo:MinutelyLimit=1");
        var query = Forecast($"{Oslo}&hourly=temperature_2m");

        using (var first = await server.GetAsync(query))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        server.Time.Advance(TimeSpan.FromSeconds(9));
        using (var stillLimited = await server.GetAsync(query))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);
        }

        server.Time.Advance(TimeSpan.FromSeconds(1));
        using var nextMinute = await server.GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }

    [Fact]
    public async Task Each_location_of_a_multi_location_call_counts_against_the_limit()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:OpenMeteo:MinutelyLimit=3");

        using (var threeCities = await server.GetAsync(Forecast("latitude=59.91,60.39,63.43&longitude=10.75,5.32,10.40&hourly=temperature_2m")))
        {
            Assert.Equal(HttpStatusCode.OK, threeCities.StatusCode);
        }

        using var next = await server.GetAsync(Forecast($"{Oslo}&hourly=temperature_2m"));
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }

    [Fact]
    public async Task Rejected_requests_do_not_use_up_the_limit()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:OpenMeteo:MinutelyLimit=1");

        for (var call = 0; call < 3; call++)
        {
            using var invalid = await server.GetAsync(Forecast($"{Oslo}&hourly=tempeture_2m"));
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        using var valid = await server.GetAsync(Forecast($"{Oslo}&hourly=temperature_2m"));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task The_daily_limit_holds_until_utc_midnight()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: ["--Replay:OpenMeteo:DailyLimit=2", "--Replay:OpenMeteo:MinutelyLimit=0"]);
        var query = Forecast($"{Oslo}&hourly=temperature_2m");
        (await server.GetAsync(query)).Dispose();
        (await server.GetAsync(query)).Dispose();

        server.Time.Advance(TimeSpan.FromHours(13));
        using (var sameDay = await server.GetAsync(query))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, sameDay.StatusCode);
            var body = JsonDocument.Parse(await sameDay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            Assert.Equal(DailyReason, body.GetProperty("reason").GetString());
        }

        server.Time.Advance(TimeSpan.FromMinutes(30));
        using var nextDay = await server.GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }
}
