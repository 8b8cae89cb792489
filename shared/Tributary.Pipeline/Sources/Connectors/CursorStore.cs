using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Sources.Connectors;

/// <summary>
/// Per source and fan-out item, what the last successful fetch reached: the watermark (end of the window fetched)
/// and, for downloads, the ETag/Last-Modified of the file. Table <c>cursors</c>: PartitionKey = source, RowKey = item.
/// </summary>
public sealed class CursorStore(StorageAccount storage)
{
    public const string NoItem = "_";

    private TableClient Table => storage.Table(StorageNames.CursorsTable);

    public async Task<SourceCursor?> GetAsync(string source, string item, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(source, Key(item), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e
            ? new SourceCursor(e.GetDateTimeOffset("Watermark"), e.GetString("ETag"), e.GetString("LastModified"))
            : null;
    }

    public async Task SaveAsync(string source, string item, SourceCursor cursor, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(source, item, cancellationToken);
        if (existing == cursor) return;
        await Table.UpsertEntityAsync(new TableEntity(source, Key(item))
        {
            ["Watermark"] = cursor.Watermark,
            ["ETag"] = cursor.ETag,
            ["LastModified"] = cursor.LastModified,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private static string Key(string item)
    {
        TableKey.Validate(item);
        return item;
    }
}

public sealed record SourceCursor(DateTimeOffset? Watermark, string? ETag, string? LastModified);
