using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>Keeps run records in table <c>runs</c> (<see cref="RunEntity"/>: PartitionKey = source, RowKey = run id).</summary>
public sealed class RunRecordStore(StorageAccount storage)
{
    private readonly ChangeDetectingWriter<RunEntity> _rows = new(storage.Table(StorageNames.RunsTable));
    private readonly RunHistoryStore _history = new(storage);

    /// <summary>Saves the record unless the same run already ended the same way (see <see cref="RunEntity.EndedDifferentlyFrom"/>).</summary>
    public async Task SaveAsync(RunRecord record, CancellationToken cancellationToken)
    {
        await _rows.UpsertIfChangedAsync(RunEntity.From(record), cancellationToken, (stored, incoming) => incoming.EndedDifferentlyFrom(stored));
        // The newest-first copy the run history is read from (see RunHistoryEntity); written after the run's own row,
        // so a run in the history always has its record.
        await _history.SaveAsync(record, cancellationToken);
    }

    public async Task<RunRecord?> GetAsync(string source, string runId, CancellationToken cancellationToken) =>
        (await _rows.GetAsync(source, runId, cancellationToken))?.ToRecord();
}
