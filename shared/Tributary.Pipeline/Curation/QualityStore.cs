using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>Table <c>quality</c>: PartitionKey = source, RowKey = the raw blob name with '/' replaced by '|'.</summary>
public sealed class QualityStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageNames.QualityTable);

    public static string RowKey(string rawBlob) => rawBlob.Replace('/', '|');

    public async Task SaveAsync(PageQuality quality, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKey.Join(quality.Source), RowKey(quality.RawBlob))
        {
            [nameof(PageQuality.RunId)] = quality.RunId,
            [nameof(PageQuality.RawBlob)] = quality.RawBlob,
            [nameof(PageQuality.Observations)] = quality.Observations,
            [nameof(PageQuality.Missing)] = quality.Missing,
            [nameof(PageQuality.OutOfRange)] = quality.OutOfRange,
            [nameof(PageQuality.Rejected)] = quality.Rejected,
            [nameof(PageQuality.QuarantineBlob)] = quality.QuarantineBlob,
            [nameof(PageQuality.PageError)] = quality.PageError,
        };
        TableKey.Validate(entity.RowKey);
        // Same page, same counts: skip the write so a replay leaves the row (and its ETag) as it was.
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value is { } current && entity.All(p => p.Key is "PartitionKey" or "RowKey" || Equals(current.TryGetValue(p.Key, out var v) ? v : null, p.Value)))
        {
            return;
        }
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<PageQuality?> GetAsync(string source, string rawBlob, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(source, RowKey(rawBlob), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } e) return null;
        return new PageQuality(source, e.GetString("RunId"), e.GetString("RawBlob"), e.GetInt32("Observations") ?? 0,
            e.GetInt32("Missing") ?? 0, e.GetInt32("OutOfRange") ?? 0, e.GetInt32("Rejected") ?? 0,
            e.GetString("QuarantineBlob"), e.GetString("PageError"));
    }
}
