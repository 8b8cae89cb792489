using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>
/// Idempotent writes to table <c>observations</c>. Each affected partition (a city-day) is read once, per metric
/// written, and a row is sent only when <see cref="ObservationEntity.Supersedes"/> says it must change; the changes
/// go as entity group transactions of up to 100 rows. Replays and re-runs therefore send nothing, an older page
/// never overwrites newer data, and the result does not depend on the order pages are processed in.
/// </summary>
public sealed class ObservationStore(StorageAccount storage, TableWriteMode mode = TableWriteMode.Batched)
{
    private readonly ChangeDetectingWriter<ObservationEntity> _rows = new(storage.Table(StorageNames.ObservationsTable), mode);

    /// <returns>The rows written and the rows left unchanged.</returns>
    public async Task<ObservationWriteResult> UpsertAsync(IReadOnlyList<Observation> observations, ObservationLineage lineage, CancellationToken cancellationToken)
    {
        var counts = new WriteCounts();
        var rows = observations.Select(o => ObservationEntity.From(o, lineage)).ToList();
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            IReadOnlyList<ObservationEntity> incoming = [.. partition];
            var metrics = incoming.Select(r => r.Metric).Distinct(StringComparer.Ordinal).ToList();
            counts += await _rows.SyncAsync(
                // Read back only the metrics being written: a city-day also holds every other source's rows.
                async ct => (await Task.WhenAll(metrics.Select(m => ReadMetricAsync(partition.Key, m, ct)))).SelectMany(r => r).ToList(),
                _ => Task.FromResult(incoming),
                cancellationToken,
                shouldReplace: (stored, row) => row.Supersedes(stored));
        }
        return new ObservationWriteResult(counts.Written, counts.Unchanged);
    }

    /// <summary>Reads one metric of one city-day, in row-key (time) order.</summary>
    public Task<IReadOnlyList<ObservationEntity>> GetMetricAsync(string cityId, DateOnly dayUtc, string metric, CancellationToken cancellationToken) =>
        ReadMetricAsync(ObservationKeys.Partition(cityId, dayUtc), metric, cancellationToken);

    private Task<IReadOnlyList<ObservationEntity>> ReadMetricAsync(string partition, string metric, CancellationToken cancellationToken)
    {
        var (from, to) = ObservationKeys.MetricRange(metric);
        return _rows.RangeAsync(partition, from, to, cancellationToken);
    }
}
