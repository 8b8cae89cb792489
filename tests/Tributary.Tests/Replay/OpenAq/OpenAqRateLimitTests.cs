using System.Net;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary>Per-key limits by the replay clock: the minute allowance in <c>x-ratelimit-*</c> headers, the hourly one unseen.</summary>
public sealed class OpenAqRateLimitTests
{
    [Fact]
    public async Task Every_keyed_answer_carries_the_minute_allowance_with_reset_in_seconds()
    {
        await using var server = await RunningReplayServer.StartAsync(RunningReplayServer.DefaultNow.AddSeconds(17));

        using var first = await server.GetWithKeyAsync("/v3/sensors/3001/hours");
        using var notFound = await server.GetWithKeyAsync("/v3/sensors/99/hours");

        Assert.Equal(("60", "1", "59", "43"), (first.Header("x-ratelimit-limit"), first.Header("x-ratelimit-used"),
            first.Header("x-ratelimit-remaining"), first.Header("x-ratelimit-reset")));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(("2", "58"), (notFound.Header("x-ratelimit-used"), notFound.Header("x-ratelimit-remaining")));
    }

    [Fact]
    public async Task The_61st_call_in_a_minute_is_429_and_the_next_minute_is_allowed_again()
    {
        await using var server = await RunningReplayServer.StartAsync(RunningReplayServer.DefaultNow.AddSeconds(20));

        for (var i = 0; i < 60; i++)
        {
            using var ok = await server.GetWithKeyAsync("/v3/sensors/3001/hours");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        server.Time.Advance(TimeSpan.FromSeconds(15));
        using var refused = await server.GetWithKeyAsync("/v3/sensors/3001/hours");
        server.Time.Advance(TimeSpan.FromSeconds(25));
        using var next = await server.GetWithKeyAsync("/v3/sensors/3001/hours");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many requests", (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(("60", "60", "0", "25"), (refused.Header("x-ratelimit-limit"), refused.Header("x-ratelimit-used"),
            refused.Header("x-ratelimit-remaining"), refused.Header("x-ratelimit-reset")));
        Assert.False(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(("1", "59", "60"), (next.Header("x-ratelimit-used"), next.Header("x-ratelimit-remaining"), next.Header("x-ratelimit-reset")));
    }

    [Fact]
    public async Task Each_key_has_its_own_allowance()
    {
        await using var server = await RunningReplayServer.StartAsync(null, "--Replay:OpenAq:ApiKeys:0=alpha", "--Replay:OpenAq:ApiKeys:1=beta",
            "--Replay:OpenAq:PerMinute=2");

        (await server.GetWithKeyAsync("/v3/sensors/3001/hours", "alpha")).Dispose();
        (await server.GetWithKeyAsync("/v3/sensors/3001/hours", "alpha")).Dispose();
        using var alpha = await server.GetWithKeyAsync("/v3/sensors/3001/hours", "alpha");
        using var beta = await server.GetWithKeyAsync("/v3/sensors/3001/hours", "beta");

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (alpha.StatusCode, beta.StatusCode));
        Assert.Equal("1", beta.Header("x-ratelimit-used"));
    }

    [Fact]
    public async Task The_hourly_allowance_refuses_without_showing_in_headers_until_the_next_clock_hour()
    {
        await using var server = await RunningReplayServer.StartAsync(null, "--Replay:OpenAq:PerHour=3");

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await server.GetWithKeyAsync("/v3/sensors/3001/hours");
            remaining.Add(ok.Header("x-ratelimit-remaining"));
        }
        server.Time.Advance(TimeSpan.FromMinutes(2));
        using var refused = await server.GetWithKeyAsync("/v3/sensors/3001/hours");
        server.Time.Advance(TimeSpan.FromMinutes(30));
        using var nextHour = await server.GetWithKeyAsync("/v3/sensors/3001/hours");

        Assert.Equal(["59", "58", "57"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many requests", (await refused.JsonAsync()).GetProperty("detail").GetString());
        // The minute window is fresh, so the headers say there is room: only the hour is used up.
        Assert.Equal(("60", "0", "60"), (refused.Header("x-ratelimit-limit"), refused.Header("x-ratelimit-used"), refused.Header("x-ratelimit-remaining")));
        Assert.Equal(HttpStatusCode.OK, nextHour.StatusCode);
    }
}
