using Tributary.Storage;

namespace Tributary.Marts;

/// <summary>Reads and writes the mart, table <c>kpis</c> (<see cref="KpiEntity"/>, keys <see cref="KpiKeys"/>).</summary>
/// <param name="events">Told which partitions a write changed, so this process's read caches drop them.</param>
/// <param name="extents">Widened to cover the rows written, so the catalog knows the dates that hold data.</param>
public sealed class KpiStore(StorageAccount storage, TableWriteMode mode = TableWriteMode.Batched, KpiMartEvents? events = null, KpiExtentStore? extents = null)
{
    // Azurite serves few concurrent clients well; a month of day partitions still reads in a few round trips.
    private const int ParallelReads = 8;

    private readonly ChangeDetectingWriter<KpiEntity> _rows = new(storage.Table(StorageNames.KpisTable), mode);

    /// <summary>
    /// Makes the rows of the given partitions that <paramref name="inScope"/> selects equal to what
    /// <paramref name="compute"/> returns: changed rows are written in transactions, rows no longer computed are
    /// deleted, the rest is not touched. The stored rows are read before <paramref name="compute"/> runs, and it runs
    /// again after a conflicting write, so a recompute that read older observations can never overwrite a newer one.
    /// </summary>
    public async Task<WriteCounts> ReplaceAsync(
        IReadOnlyList<string> partitions,
        Func<CancellationToken, Task<IReadOnlyList<KpiEntity>>> compute,
        Func<KpiEntity, bool> inScope,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<KpiEntity> written = [];
        var changed = true;
        try
        {
            var counts = await _rows.SyncAsync(
                async ct => [.. (await Task.WhenAll(partitions.Select(p => _rows.PartitionAsync(p, ct)))).SelectMany(r => r).Where(inScope)],
                async ct => written = [.. (await compute(ct)).Where(inScope)],
                cancellationToken,
                deleteMissing: true);
            changed = counts.Written + counts.Deleted > 0;
            // Even when nothing changed: a redelivered message after a crash between the rows and the extent must
            // still widen it. Rows inside what this process knows is stored cost no request.
            if (extents is not null) await extents.WidenAsync(written, cancellationToken);
            return counts;
        }
        finally
        {
            // Also after a failure: some transactions of the write may have gone through.
            if (changed) events?.RaisePartitionsRewritten(partitions);
        }
    }

    /// <summary>The rows of one KPI, city, grain and area whose buckets start in [fromUtc, toUtc), in time order.</summary>
    public async Task<IReadOnlyList<KpiEntity>> GetSeriesAsync(string kpi, string cityId, KpiGrain grain, string area,
        DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var days = new List<DateOnly>();
        for (var day = DateOnly.FromDateTime(fromUtc.UtcDateTime); day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) < toUtc.UtcDateTime; day = day.AddDays(1))
        {
            days.Add(day);
        }
        var perDay = new IReadOnlyList<KpiEntity>[days.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, days.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var dayStart = new DateTimeOffset(days[i].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var (from, to) = grain == KpiGrain.Hour
                    ? KpiKeys.Range(grain, area, Max(fromUtc, dayStart), Min(toUtc, dayStart.AddDays(1)))
                    : KpiKeys.Range(grain, area, dayStart, dayStart.AddDays(1));
                perDay[i] = grain == KpiGrain.Day && dayStart < fromUtc
                    ? [] // The day's bucket starts before the range.
                    : await _rows.RangeAsync(KpiKeys.Partition(kpi, cityId, days[i]), from, to, ct);
            });
        return [.. perDay.SelectMany(d => d)];
    }

    /// <summary>One bucket's row (a point read), or null when the bucket has none.</summary>
    public Task<KpiEntity?> GetAsync(string kpi, string cityId, KpiGrain grain, string area, DateTimeOffset bucketStartUtc, CancellationToken cancellationToken) =>
        _rows.GetAsync(KpiKeys.Partition(kpi, cityId, DateOnly.FromDateTime(bucketStartUtc.UtcDateTime)), KpiKeys.Row(grain, area, bucketStartUtc), cancellationToken);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
