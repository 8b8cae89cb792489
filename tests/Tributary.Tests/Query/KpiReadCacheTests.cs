using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.Curation;
using Tributary.Marts;
using Tributary.Marts.Kpis;
using Tributary.Query;
using Tributary.Storage;
using Tributary.Testing;
using Tributary.Tests.Marts;

namespace Tributary.Tests.Query;

/// <summary>
/// The mart read cache on Azurite: storage requests are counted by a pipeline policy on the cache's own table client,
/// and the aggregate stage (the real <see cref="Aggregator"/> over real observations) rewrites a partition.
/// </summary>
public sealed class KpiReadCacheTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _requests);
    }

    private static readonly DateOnly Day = FixtureDay.Day;

    [Fact]
    public async Task A_second_read_makes_no_request_and_a_rewrite_by_the_aggregate_stage_is_seen_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await FixtureDay.LoadAsync(storage, "20261122T0605Z", ct);
        await RecreateAsync(storage, StorageNames.MartExtentTable, ct);

        var counter = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var counted = new StorageAccount(new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString),
            new TableServiceClient(azurite.ConnectionString, options));
        var events = new KpiMartEvents();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)); // the fixture day is "today"
        using var cache = new KpiReadCache(new KpiStore(counted, events: events), events, time, Options.Create(new KpiReadOptions()));

        // First read: from storage. 07:00 -11 °C -> 0.6, 08:00 4 °C -> 0.9, 09:00 1 °C -> 0.84.
        var first = await cache.DayAsync(ThermalComfortFactor.KpiId, FixtureDay.City, Day, KpiGrain.Hour, KpiKeys.CityArea, ct);
        Assert.Equal([0.6, 0.9, 0.84], first.Select(p => p.Value));
        Assert.True(counter.Requests > 0);

        // Second read of the same series, and a read after the aggregate stage recomputed it without a change: no request.
        var requests = counter.Requests;
        var second = await cache.DayAsync(ThermalComfortFactor.KpiId, FixtureDay.City, Day, KpiGrain.Hour, KpiKeys.CityArea, ct);
        Assert.Same(first, second);
        Assert.Equal(requests, counter.Requests);
        var extents = new KpiExtentStore(storage);
        var aggregator = new Aggregator(new ObservationStore(storage), new DimensionStore(storage), new KpiStore(storage, events: events, extents: extents),
            FixtureDay.Catalog(), NullLogger<Aggregator>.Instance);
        var weather = FixtureDay.Pages.Single(p => p.Blob.StartsWith("open-meteo/", StringComparison.Ordinal));
        Assert.Equal(0, await aggregator.AggregateAsync(AggregateMessage.For(FixtureDay.City, weather.Observations, null), ct));
        await cache.DayAsync(ThermalComfortFactor.KpiId, FixtureDay.City, Day, KpiGrain.Hour, KpiKeys.CityArea, ct);
        Assert.Equal(requests, counter.Requests);
        Assert.Equal((2, 1), (cache.Statistics.Hits, cache.Statistics.Misses));

        // A later run corrects 09:00 to 20 °C (comfort 1): the aggregate stage rewrites the partition, the next read sees it.
        Observation[] corrected = [weather.Observations[0], weather.Observations[1], weather.Observations[2] with { Value = 20 }];
        var blob = "open-meteo/2026/11/22/20261122T1105Z/oslo.json";
        await new ObservationStore(storage).UpsertAsync(corrected, new ObservationLineage("20261122T1105Z", blob, FixtureDay.Sha256(blob, "20261122T1105Z")), ct);
        Assert.True(await aggregator.AggregateAsync(AggregateMessage.For(FixtureDay.City, corrected, null), ct) > 0);
        var third = await cache.DayAsync(ThermalComfortFactor.KpiId, FixtureDay.City, Day, KpiGrain.Hour, KpiKeys.CityArea, ct);
        Assert.Equal([0.6, 0.9, 1.0], third.Select(p => p.Value));
        Assert.True(counter.Requests > requests);
        Assert.True(cache.Statistics.Invalidations > 0);

        // The rewrite widened the KPI's extent to the rows it wrote: from the day bucket's start to its end.
        var extent = Assert.Single(await extents.AllAsync(ct), e => e.Kpi == ThermalComfortFactor.KpiId);
        Assert.Equal((FixtureDay.At(0), new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)), (extent.EarliestUtc, extent.LatestUtc));
    }

    [Fact]
    public async Task Entries_expire_after_their_time_to_live_so_other_instances_rewrites_are_seen()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await FixtureDay.LoadAsync(storage, "20261122T0605Z", ct);
        var counter = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var counted = new StorageAccount(new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString),
            new TableServiceClient(azurite.ConnectionString, options));
        var events = new KpiMartEvents();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var ttl = new KpiReadOptions();
        using var cache = new KpiReadCache(new KpiStore(counted, events: events), events, time, Options.Create(ttl));

        async Task<int> ReadAsync(DateOnly day)
        {
            var before = counter.Requests;
            await cache.DayAsync(OnTimePerformance.KpiId, FixtureDay.City, day, KpiGrain.Hour, FixtureDay.StopPlace1, ct);
            return counter.Requests - before;
        }

        var yesterday = Day.AddDays(-1);
        Assert.True(await ReadAsync(Day) > 0);
        Assert.True(await ReadAsync(yesterday) > 0);
        // Today's partition lives TodayTtlSeconds, a past one PastTtlSeconds.
        time.Advance(TimeSpan.FromSeconds(ttl.TodayTtlSeconds - 1));
        Assert.Equal(0, await ReadAsync(Day));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await ReadAsync(Day) > 0);
        Assert.Equal(0, await ReadAsync(yesterday));
        time.Advance(TimeSpan.FromSeconds(ttl.PastTtlSeconds));
        Assert.True(await ReadAsync(yesterday) > 0);
    }

    private static async Task RecreateAsync(StorageAccount storage, string table, CancellationToken ct)
    {
        await storage.Table(table).DeleteAsync(ct);
        await storage.Table(table).CreateAsync(ct);
    }
}
