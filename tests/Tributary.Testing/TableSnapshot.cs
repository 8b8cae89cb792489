using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Testing;

/// <summary>Every entity of a table with its ETag and properties, in key order: equal snapshots mean nothing changed.</summary>
public static class TableSnapshot
{
    public static Task<IReadOnlyList<string>> TakeAsync(StorageAccount storage, string table) => TakeAsync(storage, table, withETags: true);

    /// <summary>Every entity's keys and properties without its ETag: equal contents mean two histories converged.</summary>
    public static Task<IReadOnlyList<string>> ContentAsync(StorageAccount storage, string table) => TakeAsync(storage, table, withETags: false);

    private static async Task<IReadOnlyList<string>> TakeAsync(StorageAccount storage, string table, bool withETags)
    {
        var rows = new List<string>();
        await foreach (var entity in storage.Table(table).QueryAsync<TableEntity>())
        {
            var properties = entity.Where(p => p.Key is not ("odata.etag" or "Timestamp"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}");
            rows.Add(withETags
                ? $"{entity.PartitionKey}/{entity.RowKey} etag={entity.ETag} {string.Join(";", properties)}"
                : $"{entity.PartitionKey}/{entity.RowKey} {string.Join(";", properties)}");
        }
        return rows;
    }
}
