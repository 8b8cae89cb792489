using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tributary.Marts;

namespace Tributary.Query;

/// <summary>
/// A bounded in-memory cache of mart reads: one entry per day partition, grain and area (<c>{kpi}|{city}|{day}</c> +
/// <c>hour|day</c> + <c>city</c> or a stop place), holding the whole day's points, so any range over a hot series is
/// served without a storage request.
/// <list type="bullet">
/// <item><b>Invalidation.</b> <see cref="KpiStore.ReplaceAsync"/> raises <see cref="KpiMartEvents.PartitionsRewritten"/>
/// for what the aggregate stage rewrote; that bumps the partition's generation, which is part of every entry's key, so
/// later reads miss and read storage again. A read that began before the rewrite stores its (older) rows under the old
/// generation, where nobody looks any more: a race can never put stale rows back.</item>
/// <item><b>Time to live.</b> Other instances of a scaled-out app never hear this process's events, so every entry
/// also expires: today's (and later) partitions after <see cref="KpiReadOptions.TodayTtlSeconds"/>, past ones after
/// <see cref="KpiReadOptions.PastTtlSeconds"/>. Expiry is judged on the injected <see cref="TimeProvider"/>.</item>
/// <item><b>Bound.</b> Entries are sized by their points, up to <see cref="KpiReadOptions.MaxCachedPoints"/>; past the
/// limit the memory cache compacts (least recently used first).</item>
/// </list>
/// </summary>
public sealed class KpiReadCache : IDisposable
{
    private readonly KpiStore _store;
    private readonly KpiMartEvents _events;
    private readonly TimeProvider _time;
    private readonly KpiReadOptions _options;
    private readonly MemoryCache _cache;
    // One small counter per partition rewritten during the process's life (a few dozen a day, a few thousand after a
    // year-long backfill). It is never pruned: forgetting one would let its entries of generation 0 be served again.
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private long _hits, _misses, _invalidations;

    public KpiReadCache(KpiStore store, KpiMartEvents events, TimeProvider time, IOptions<KpiReadOptions> options)
    {
        _store = store;
        _events = events;
        _time = time;
        _options = options.Value;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.MaxCachedPoints), CompactionPercentage = 0.25 });
        _events.PartitionsRewritten += Invalidate;
    }

    /// <summary>Counters since start: reads served from memory, reads that went to storage, partitions invalidated.</summary>
    public (long Hits, long Misses, long Invalidations) Statistics => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _invalidations));

    /// <summary>Every point of one day partition, grain and area, in time order.</summary>
    public async Task<IReadOnlyList<KpiSeriesPoint>> DayAsync(string kpi, string city, DateOnly day, KpiGrain grain, string area, CancellationToken cancellationToken)
    {
        var partition = KpiKeys.Partition(kpi, city, day);
        var generation = _generations.GetValueOrDefault(partition);
        var key = (partition, grain, area, generation);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out Entry? entry) && entry!.ExpiresUtc > now)
        {
            Interlocked.Increment(ref _hits);
            return entry.Points;
        }

        Interlocked.Increment(ref _misses);
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await _store.GetSeriesAsync(kpi, city, grain, area, dayStart, dayStart.AddDays(1), cancellationToken);
        IReadOnlyList<KpiSeriesPoint> points = [.. rows.Select(r => new KpiSeriesPoint(r.BucketStartUtc, r.Value, r.Inputs, r.Coverage, r.Reason) { Used = r.Used })];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ttl = TimeSpan.FromSeconds(day >= today ? _options.TodayTtlSeconds : _options.PastTtlSeconds);
        // The memory cache's own expiry (on the system clock) only reclaims memory; freshness is judged above.
        _cache.Set(key, new Entry(points, now + ttl), new MemoryCacheEntryOptions { Size = points.Count + 1, AbsoluteExpirationRelativeToNow = ttl });
        return points;
    }

    private void Invalidate(IReadOnlyList<string> partitions)
    {
        foreach (var partition in partitions)
        {
            _generations.AddOrUpdate(partition, 1, (_, g) => g + 1);
            Interlocked.Increment(ref _invalidations);
        }
    }

    public void Dispose()
    {
        _events.PartitionsRewritten -= Invalidate;
        _cache.Dispose();
    }

    private sealed record Entry(IReadOnlyList<KpiSeriesPoint> Points, DateTimeOffset ExpiresUtc);
}
