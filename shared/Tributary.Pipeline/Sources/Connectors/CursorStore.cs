using Tributary.Storage;

namespace Tributary.Sources.Connectors;

/// <summary>
/// Per source and fan-out item, what the last successful fetch reached: the watermark (end of the window fetched)
/// and, for downloads, the ETag/Last-Modified of the file. Table <c>cursors</c>: PartitionKey = source, RowKey = item.
/// </summary>
public sealed class CursorStore(StorageAccount storage)
{
    public const string NoItem = "_";

    private readonly ChangeDetectingWriter<CursorEntity> _rows = new(storage.Table(StorageNames.CursorsTable));

    public async Task<SourceCursor?> GetAsync(string source, string item, CancellationToken cancellationToken) =>
        await _rows.GetAsync(source, Key(item), cancellationToken) is { } e ? new SourceCursor(e.Watermark, e.FileETag, e.LastModified) : null;

    public Task SaveAsync(string source, string item, SourceCursor cursor, CancellationToken cancellationToken) =>
        _rows.UpsertIfChangedAsync(new CursorEntity
        {
            PartitionKey = TableKey.Join(source),
            RowKey = Key(item),
            Watermark = cursor.Watermark,
            FileETag = cursor.ETag,
            LastModified = cursor.LastModified,
        }, cancellationToken);

    private static string Key(string item)
    {
        TableKey.Validate(item);
        return item;
    }
}

public sealed record SourceCursor(DateTimeOffset? Watermark, string? ETag, string? LastModified);

/// <summary>
/// A row of table <c>cursors</c>. The downloaded file's ETag is column <c>FileETag</c>, because <c>ETag</c> is the
/// row's own (the service's) in every Table SDK.
/// </summary>
internal sealed record CursorEntity : StoredEntity
{
    public DateTimeOffset? Watermark { get; set; }

    public string? FileETag { get; set; }

    public string? LastModified { get; set; }
}
