using System.Net;
using Tributary.Sources.RateBudgets;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

public sealed class EnturRateLimitTests
{
    private const string Query = """{ stopPlace(id: "NSR:StopPlace:58366") { id } }""";

    [Fact]
    public async Task Every_answer_reports_the_identified_clients_minute_quota()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var first = await server.PostGraphQLAsync(Query);
        using var second = await server.PostGraphQLAsync(Query);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("1000", Header(second, "Rate-Limit-Allowed"));
        Assert.Equal("998", Header(second, "Rate-Limit-Available"));
        Assert.Equal("2", Header(second, "Rate-Limit-Used"));
        Assert.Equal("per-minute", Header(second, "Rate-Limit-Range"));
        Assert.Equal("Wed Jan 15 2025 10:31:00 GMT-0000 (UTC)", Header(second, "Rate-Limit-Expiry-Time"));
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 31, 0, TimeSpan.Zero), VendorRateLimits.ParseJavaScriptDate(Header(second, "Rate-Limit-Expiry-Time")));
        Assert.False(HasHeader(second, "Spike-Allowed"));
    }

    [Fact]
    public async Task Validation_errors_carry_the_headers_too()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync("{ nothing }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("999", Header(response, "Rate-Limit-Available"));
    }

    [Fact]
    public async Task Past_the_quota_the_gateway_answers_429_until_the_next_clock_minute()
    {
        // 10:30:50 - the window ends at 10:31:00.
        await using var server = await RunningReplayServer.StartAsync(new DateTimeOffset(2025, 1, 15, 10, 30, 50, TimeSpan.Zero),
            "--Replay:Entur:QuotaPerMinute=3", "--Replay:Entur:SpikePerSecond=0");

        for (var call = 1; call <= 3; call++)
        {
            using var allowed = await server.PostGraphQLAsync(Query);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal((3 - call).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(allowed, "Rate-Limit-Available"));
        }

        using (var refused = await server.PostGraphQLAsync(Query))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("0", Header(refused, "Rate-Limit-Available"));
            Assert.Equal("3", Header(refused, "Rate-Limit-Used"));
            Assert.Equal("Wed Jan 15 2025 10:31:00 GMT-0000 (UTC)", Header(refused, "Rate-Limit-Expiry-Time"));
            Assert.False(HasHeader(refused, "Spike-Range"));
            var fault = (await JsonAsync(refused)).GetProperty("fault");
            Assert.Equal("policies.ratelimit.QuotaViolation", fault.GetProperty("detail").GetProperty("errorcode").GetString());
        }

        using (var otherClient = await server.PostGraphQLAsync(Query, clientName: "other-app"))
        {
            Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        }

        server.Time.Advance(TimeSpan.FromSeconds(10));
        using var nextMinute = await server.PostGraphQLAsync(Query);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
        Assert.Equal("1", Header(nextMinute, "Rate-Limit-Used"));
    }

    [Fact]
    public async Task A_burst_within_one_second_is_spike_arrested_with_spike_headers_and_uses_no_quota()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:Entur:SpikePerSecond=2");
        (await server.PostGraphQLAsync(Query)).Dispose();
        (await server.PostGraphQLAsync(Query)).Dispose();

        using (var arrested = await server.PostGraphQLAsync(Query))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, arrested.StatusCode);
            Assert.Equal("2", Header(arrested, "Spike-Allowed"));
            Assert.Equal("per-second", Header(arrested, "Spike-Range"));
            Assert.Equal("2", Header(arrested, "Rate-Limit-Used"));
            var fault = (await JsonAsync(arrested)).GetProperty("fault");
            Assert.Equal("policies.ratelimit.SpikeArrestViolation", fault.GetProperty("detail").GetProperty("errorcode").GetString());
            Assert.Equal(RunningReplayServer.DefaultNow.AddSeconds(1), VendorRateLimits.BlockedUntil(arrested, Tributary.Sources.Manifests.RateLimitHeaders.Entur, RunningReplayServer.DefaultNow));
        }

        server.Time.Advance(TimeSpan.FromSeconds(1));
        using var nextSecond = await server.PostGraphQLAsync(Query);
        Assert.Equal(HttpStatusCode.OK, nextSecond.StatusCode);
        Assert.Equal("3", Header(nextSecond, "Rate-Limit-Used"));
    }

    [Fact]
    public async Task Refused_requests_before_the_gateway_carry_no_quota_headers()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(Query, clientName: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(HasHeader(response, "Rate-Limit-Used"));
    }
}
