using Azure.Data.Tables;
using Tributary.Sources;
using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>
/// Table <c>dimensions</c>: PartitionKey = kind (<c>stop</c>, <c>sensor</c>), RowKey = member id (e.g.
/// <c>NSR:Quay:1001</c>), one string column per attribute. This is the one table without a typed entity: its
/// columns are whatever each source's mapper declares for its kind, so a new source adds attributes without a
/// change here. Only rows whose attributes change are written, so re-curating a page changes nothing.
/// </summary>
public sealed class DimensionStore(StorageAccount storage)
{
    public const string StopKind = "stop";

    // Up to this many rows are read back one by one; more (a national feed's stops) as one partition query.
    private const int MaxPointReads = 50;

    private readonly ChangeDetectingWriter<TableEntity> _rows = new(storage.Table(StorageNames.DimensionsTable), content: TableEntityContent.Instance);

    /// <returns>How many rows were written.</returns>
    public async Task<int> UpsertAsync(IReadOnlyList<DimensionRecord> records, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var kind in records.GroupBy(r => r.Kind, StringComparer.Ordinal))
        {
            TableKey.Validate(kind.Key);
            IReadOnlyList<TableEntity> desired = [.. kind.DistinctBy(r => r.Id).Select(ToEntity)];
            var counts = await _rows.SyncAsync(
                ct => Existing(kind.Key, desired, ct),
                _ => Task.FromResult(desired),
                cancellationToken);
            written += counts.Written;
        }
        return written;
    }

    /// <summary>
    /// The stop place of each quay: the <c>parentStation</c> the GTFS stop dimension gives it, or the id itself when
    /// it has none (it is a stop place) or is not in the dimension yet.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> StopPlacesAsync(IEnumerable<string> stopIds, CancellationToken cancellationToken)
    {
        var ids = stopIds.Distinct(StringComparer.Ordinal).ToList();
        var rows = await Task.WhenAll(ids.Select(id => _rows.GetAsync(StopKind, id, cancellationToken)));
        return ids.Zip(rows).ToDictionary(
            p => p.First,
            p => p.Second?.GetString("parentStation") is { Length: > 0 } parent ? parent : p.First,
            StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<TableEntity>> Existing(string kind, IReadOnlyList<TableEntity> desired, CancellationToken cancellationToken) =>
        desired.Count <= MaxPointReads
            ? [.. (await Task.WhenAll(desired.Select(d => _rows.GetAsync(kind, d.RowKey, cancellationToken)))).OfType<TableEntity>()]
            : await _rows.PartitionAsync(kind, cancellationToken);

    private static TableEntity ToEntity(DimensionRecord record)
    {
        TableKey.Validate(record.Id);
        var entity = new TableEntity(record.Kind, record.Id);
        foreach (var (name, value) in record.Attributes.Where(a => a.Value is not null)) entity[name] = value;
        return entity;
    }
}
