using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>Table <c>quality</c> (<see cref="QualityEntity"/>): one row of counts per curated page; a replayed page writes nothing.</summary>
public sealed class QualityStore(StorageAccount storage)
{
    private readonly ChangeDetectingWriter<QualityEntity> _rows = new(storage.Table(StorageNames.QualityTable));

    public static string RowKey(string rawBlob) => QualityEntity.RowKeyOf(rawBlob);

    public Task SaveAsync(PageQuality quality, CancellationToken cancellationToken) =>
        _rows.UpsertIfChangedAsync(QualityEntity.From(quality), cancellationToken);

    public async Task<PageQuality?> GetAsync(string source, string rawBlob, CancellationToken cancellationToken) =>
        (await _rows.GetAsync(source, RowKey(rawBlob), cancellationToken))?.ToPageQuality();
}
