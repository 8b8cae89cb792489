using Azure;
using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>
/// Table <c>runhistory</c> (<see cref="RunHistoryEntity"/>): each source's runs newest first, read a page at a time.
/// Written by <see cref="RunRecordStore.SaveAsync"/> beside table <c>runs</c>, with the same change rule.
/// </summary>
public sealed class RunHistoryStore(StorageAccount storage)
{
    private readonly ChangeDetectingWriter<RunHistoryEntity> _rows = new(storage.Table(StorageNames.RunHistoryTable));

    public Task SaveAsync(RunRecord record, CancellationToken cancellationToken) =>
        _rows.UpsertIfChangedAsync(RunHistoryEntity.From(record), cancellationToken, (stored, incoming) => incoming.EndedDifferentlyFrom(stored));

    /// <summary>
    /// One page of a source's runs, newest first: at most <paramref name="limit"/> rows from where
    /// <paramref name="continuationToken"/> (the SDK's token of the page before, or null for the first page) left off,
    /// and the token of the next page (null after the last). A page may hold fewer rows than asked and still go on.
    /// </summary>
    /// <exception cref="RequestFailedException">The service refused the token (a token that was not one it gave).</exception>
    public async Task<(IReadOnlyList<RunRecord> Runs, string? Next)> PageAsync(string source, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Join(source)}");
        await foreach (var page in _rows.Table.QueryAsync<RunHistoryEntity>(filter, maxPerPage: limit, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, limit))
        {
            return ([.. page.Values.Take(limit).Select(r => r.ToRecord())], page.ContinuationToken);
        }
        return ([], null);
    }
}
