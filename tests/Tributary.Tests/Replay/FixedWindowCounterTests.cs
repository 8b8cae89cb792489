using Microsoft.Extensions.Time.Testing;
using Tributary.Replay.RateLimiting;

namespace Tributary.Tests.Replay;

public sealed class FixedWindowCounterTests
{
    [Fact]
    public void Usage_accumulates_within_a_window_and_drops_at_the_clock_boundary()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 10, 59, 30, TimeSpan.Zero));
        var counter = new FixedWindowCounter<string>(TimeSpan.FromHours(1), time);

        counter.Add("a", 1.5);
        counter.Add("a", 1);
        counter.Add("b", 1);
        Assert.Equal(2.5, counter.UsageOf("a"));
        Assert.Equal(1, counter.UsageOf("b"));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, counter.UsageOf("a"));
        Assert.Equal(0, counter.UsageOf("b"));
    }
}
