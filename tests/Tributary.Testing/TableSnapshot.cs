using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Testing;

/// <summary>Every entity of a table with its ETag and properties, in key order: equal snapshots mean nothing changed.</summary>
public static class TableSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(StorageAccount storage, string table)
    {
        var rows = new List<string>();
        await foreach (var entity in storage.Table(table).QueryAsync<TableEntity>())
        {
            var properties = entity.Where(p => p.Key is not ("odata.etag" or "Timestamp"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}");
            rows.Add($"{entity.PartitionKey}/{entity.RowKey} etag={entity.ETag} {string.Join(";", properties)}");
        }
        return rows;
    }
}
