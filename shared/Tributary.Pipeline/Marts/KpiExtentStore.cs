using System.Collections.Concurrent;
using Tributary.Storage;

namespace Tributary.Marts;

/// <summary>
/// Table <c>martextent</c>: per KPI and city, the UTC range its rows cover, so the catalog can say which dates hold
/// data with one single-partition read instead of scanning table <c>kpis</c> (which has no index and no order across
/// partitions that would give the latest day). The aggregate stage widens a row whenever it writes rows outside it;
/// the write is a change-detecting conditional one (If-Match on the row read), so racing aggregations of other days
/// converge on the union. The range only ever widens: a bucket whose inputs vanish later (rare: rows are only
/// deleted when every input of a bucket is gone) may leave it a little wider than the data, never narrower.
/// </summary>
public sealed class KpiExtentStore(StorageAccount storage)
{
    public const string Partition = "kpi";

    private readonly ChangeDetectingWriter<KpiExtentEntity> _rows = new(storage.Table(StorageNames.MartExtentTable));

    // What this process already knows is stored (extents only widen, so a range inside it needs no request): a
    // recompute of a day already covered, the common case, costs nothing.
    private readonly ConcurrentDictionary<string, (DateTimeOffset Earliest, DateTimeOffset Latest)> _known = new(StringComparer.Ordinal);

    /// <summary>Widens the stored range of each (KPI, city) of <paramref name="rows"/> to cover them.</summary>
    public async Task WidenAsync(IEnumerable<KpiEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var group in rows.GroupBy(r => (r.Kpi, r.City)))
        {
            var earliest = group.Min(r => r.BucketStartUtc);
            var latest = group.Max(r => r.BucketStartUtc.AddSeconds(r.BucketSeconds));
            var rowKey = TableKey.Join(group.Key.Kpi, group.Key.City);
            if (_known.TryGetValue(rowKey, out var known) && known.Earliest <= earliest && known.Latest >= latest) continue;

            KpiExtentEntity? stored = null;
            KpiExtentEntity? merged = null;
            await _rows.SyncAsync(
                async ct =>
                {
                    stored = await _rows.GetAsync(Partition, rowKey, ct);
                    return stored is null ? [] : [stored];
                },
                _ =>
                {
                    merged = new KpiExtentEntity
                    {
                        PartitionKey = Partition,
                        RowKey = rowKey,
                        Kpi = group.Key.Kpi,
                        City = group.Key.City,
                        EarliestUtc = stored is { } s && s.EarliestUtc < earliest ? s.EarliestUtc : earliest,
                        LatestUtc = stored is { } t && t.LatestUtc > latest ? t.LatestUtc : latest,
                    };
                    return Task.FromResult<IReadOnlyList<KpiExtentEntity>>([merged]);
                },
                cancellationToken);
            if (merged is not null) _known[rowKey] = (merged.EarliestUtc, merged.LatestUtc);
        }
    }

    /// <summary>Every stored extent (one partition, at most KPIs × cities rows).</summary>
    public Task<IReadOnlyList<KpiExtentEntity>> AllAsync(CancellationToken cancellationToken) => _rows.PartitionAsync(Partition, cancellationToken);
}
