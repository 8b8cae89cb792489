using Azure.Data.Tables;
using Tributary.Sources;
using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>
/// Table <c>dimensions</c>: PartitionKey = kind (e.g. <c>stop</c>), RowKey = member id (e.g. <c>NSR:Quay:1001</c>),
/// one property per attribute. Only rows whose attributes change are written, so re-curating a page changes nothing.
/// </summary>
public sealed class DimensionStore(StorageAccount storage)
{
    private const int MaxBatch = 100;

    private TableClient Table => storage.Table(StorageNames.DimensionsTable);

    public async Task<int> UpsertAsync(IReadOnlyList<DimensionRecord> records, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var kind in records.GroupBy(r => r.Kind))
        {
            TableKey.Validate(kind.Key);
            var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {kind.Key}"), cancellationToken: cancellationToken))
            {
                existing[row.RowKey] = row;
            }
            var changes = new List<TableTransactionAction>();
            foreach (var record in kind.DistinctBy(r => r.Id))
            {
                TableKey.Validate(record.Id);
                var entity = new TableEntity(kind.Key, record.Id);
                foreach (var (name, value) in record.Attributes.Where(a => a.Value is not null)) entity[name] = value;
                if (existing.TryGetValue(record.Id, out var current) && Same(current, entity)) continue;
                changes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            }
            foreach (var chunk in changes.Chunk(MaxBatch)) await Table.SubmitTransactionAsync(chunk, cancellationToken);
            written += changes.Count;
        }
        return written;
    }

    private static bool Same(TableEntity current, TableEntity incoming)
    {
        static IEnumerable<KeyValuePair<string, object>> Attributes(TableEntity e) =>
            e.Where(p => p.Key is not ("odata.etag" or "Timestamp" or "PartitionKey" or "RowKey")).OrderBy(p => p.Key, StringComparer.Ordinal);
        return Attributes(current).Select(p => $"{p.Key}={p.Value}").SequenceEqual(Attributes(incoming).Select(p => $"{p.Key}={p.Value}"));
    }
}
