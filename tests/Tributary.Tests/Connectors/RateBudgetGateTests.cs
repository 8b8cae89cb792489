using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tributary.Sources.Manifests;
using Tributary.Sources.RateBudgets;
using Tributary.Testing;

namespace Tributary.Tests.Connectors;

/// <summary>The persisted budget against Azurite and a fake clock: never more than N calls per window, shared by instances.</summary>
public sealed class RateBudgetGateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly RateBudgetSpec ThreePerMinute = new() { Requests = 3, WindowSeconds = 60, MaxWaitSeconds = 90 };

    [Fact]
    public async Task The_fourth_call_in_a_window_waits_for_the_next_window_and_the_count_is_shared_across_instances()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 10, TimeSpan.Zero));
        var storage = azurite.Storage();
        await storage.Table(Tributary.Storage.StorageNames.RateBudgetsTable).CreateIfNotExistsAsync(ct);
        var source = $"budget-{Guid.NewGuid():N}"[..20];
        var first = new RateBudgetGate(storage, time);
        for (var i = 0; i < 2; i++) Assert.Equal(TimeSpan.Zero, await first.AcquireAsync(source, ThreePerMinute, ct));

        // Another instance (another timer run, another host) sees the same count.
        var second = new RateBudgetGate(storage, time);
        Assert.Equal(TimeSpan.Zero, await second.AcquireAsync(source, ThreePerMinute, ct));
        var fourth = second.AcquireAsync(source, ThreePerMinute, ct);

        // Step the clock a second at a time: the fourth call may only complete once the next window (10:01:00) opens.
        var windowEnd = new DateTimeOffset(2026, 11, 22, 10, 1, 0, TimeSpan.Zero);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!fourth.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(fourth, Task.Delay(TimeSpan.FromMilliseconds(20), ct));
            if (!fourth.IsCompleted) time.Advance(TimeSpan.FromSeconds(1));
        }
        var waited = await fourth;
        Assert.True(time.GetUtcNow() >= windowEnd, $"the fourth call went through at {time.GetUtcNow():O}, inside the full window");
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task A_vendor_block_longer_than_the_source_may_wait_fails_fast_naming_when_it_ends()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var storage = azurite.Storage();
        await storage.Table(Tributary.Storage.StorageNames.RateBudgetsTable).CreateIfNotExistsAsync(ct);
        var gate = new RateBudgetGate(storage, time);
        var source = $"blocked-{Guid.NewGuid():N}"[..20];
        await gate.BlockUntilAsync(source, time.GetUtcNow().AddHours(1), ct);
        var ex = await Assert.ThrowsAsync<RateBudgetExhaustedException>(() => gate.AcquireAsync(source, ThreePerMinute, ct));
        Assert.Equal(time.GetUtcNow().AddHours(1), ex.Until);
    }

    [Fact]
    public async Task Every_window_of_the_budget_holds_so_an_hourly_cap_stops_calls_the_minute_window_would_allow()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var storage = azurite.Storage();
        await storage.Table(Tributary.Storage.StorageNames.RateBudgetsTable).CreateIfNotExistsAsync(ct);
        var gate = new RateBudgetGate(storage, time);
        var source = $"hourly-{Guid.NewGuid():N}"[..20];
        var spec = new RateBudgetSpec { Requests = 3, WindowSeconds = 60, MaxWaitSeconds = 90, MoreWindows = [new() { Requests = 5, WindowSeconds = 3600 }] };

        for (var i = 0; i < 3; i++) await gate.AcquireAsync(source, spec, ct);   // 10:00: the minute window is full
        time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 2; i++) await gate.AcquireAsync(source, spec, ct);   // 10:01: the hour is now full (5)
        var ex = await Assert.ThrowsAsync<RateBudgetExhaustedException>(() => gate.AcquireAsync(source, spec, ct));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.Zero), ex.Until);
    }

    [Theory]
    [InlineData(RateLimitHeaders.XRateLimit, "x-ratelimit-remaining", "0", "x-ratelimit-reset", "37", 200, 37)]
    [InlineData(RateLimitHeaders.XRateLimit, "x-ratelimit-remaining", "5", "x-ratelimit-reset", "37", 200, null)]
    [InlineData(RateLimitHeaders.RateLimit, "RateLimit-Remaining", "0", "RateLimit-Reset", "12", 200, 12)]
    [InlineData(RateLimitHeaders.Entur, "Rate-Limit-Available", "0", "Rate-Limit-Expiry-Time", "\"Sun Nov 22 2026 10:01:30 GMT-0000 (UTC)\"", 200, 90)]
    [InlineData(RateLimitHeaders.None, "Retry-After", "20", "X-Other", "1", 429, 20)]
    public void Vendor_headers_say_how_long_to_wait(RateLimitHeaders kind, string h1, string v1, string h2, string v2, int status, int? seconds)
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.TryAddWithoutValidation(h1, v1);
        response.Headers.TryAddWithoutValidation(h2, v2);
        Assert.Equal(seconds is null ? null : now.AddSeconds(seconds.Value), VendorRateLimits.BlockedUntil(response, kind, now));
    }
}
