using Azure;
using Azure.Data.Tables;
using Tributary.Telemetry;

namespace Tributary.Storage;

/// <summary>
/// The one way the pipeline writes table rows: read what a scope holds, compare it with what it should hold, and
/// send only the difference. Unchanged rows get no request at all, so a replayed message leaves rows and ETags as
/// they were. Writes are conditional (insert for new rows, If-Match on the ETag read for replaced and deleted
/// ones): when another invocation changed the scope between the read and the write, the whole read-compare-write
/// starts again, so concurrent writers converge instead of the slower one overwriting newer data.
/// </summary>
/// <typeparam name="T">The table's entity: a <see cref="StoredEntity"/> record, or <see cref="TableEntity"/> with <see cref="TableEntityContent"/>.</typeparam>
public sealed class ChangeDetectingWriter<T>(TableClient table, TableWriteMode mode = TableWriteMode.Batched, IEqualityComparer<T>? content = null)
    where T : class, ITableEntity, new()
{
    /// <summary>Table Storage's limit of operations in one entity group transaction.</summary>
    public const int MaxBatch = 100;

    /// <summary>How often a scope is read and written again after a conflicting write, before the conflict is thrown.</summary>
    public const int MaxAttempts = 8;

    private readonly IEqualityComparer<T> _content = content ?? EqualityComparer<T>.Default;

    public TableClient Table => table;

    /// <summary>
    /// Makes the stored scope match <paramref name="desired"/>: inserts missing rows, replaces rows for which
    /// <paramref name="shouldReplace"/> says so (by default: whose content differs), and with
    /// <paramref name="deleteMissing"/> deletes stored rows that are no longer desired. Both delegates run again
    /// after a conflict; read the scope's rows in <paramref name="readStored"/> before anything they depend on.
    /// </summary>
    public async Task<WriteCounts> SyncAsync(
        Func<CancellationToken, Task<IReadOnlyList<T>>> readStored,
        Func<CancellationToken, Task<IReadOnlyList<T>>> desired,
        CancellationToken cancellationToken,
        Func<T, T, bool>? shouldReplace = null,
        bool deleteMissing = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await readStored(cancellationToken);
            var wanted = await desired(cancellationToken);
            var (actions, counts) = Plan(stored, wanted, shouldReplace ?? ((s, i) => !_content.Equals(s, i)), deleteMissing);
            try
            {
                await SubmitAsync(actions, cancellationToken);
                if (counts.Written + counts.Deleted > 0)
                {
                    PipelineTelemetry.RowsWritten.Add(counts.Written + counts.Deleted, PipelineTelemetry.TableTag(table.Name));
                }
                return counts;
            }
            catch (RequestFailedException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                // Someone changed the scope after we read it: read and compare again, after a jittered pause that
                // grows with each attempt, so writers racing for one row (the pages of a source-day updating its
                // quality day row) fall out of step instead of colliding again at once.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) << Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    /// <summary>Writes one row unless the stored row already has the same content (or <paramref name="shouldReplace"/> declines).</summary>
    public async Task<bool> UpsertIfChangedAsync(T entity, CancellationToken cancellationToken, Func<T, T, bool>? shouldReplace = null)
    {
        TableKey.Validate(entity.PartitionKey);
        TableKey.Validate(entity.RowKey);
        var counts = await SyncAsync(
            async ct => await GetAsync(entity.PartitionKey, entity.RowKey, ct) is { } row ? [row] : [],
            _ => Task.FromResult<IReadOnlyList<T>>([entity]),
            cancellationToken, shouldReplace);
        return counts.Written > 0;
    }

    public async Task<T?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every row that matches <paramref name="filter"/> (built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>), following continuations.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The rows of one partition whose RowKey lies in [<paramref name="fromRowKey"/>, <paramref name="toRowKey"/>).</summary>
    public Task<IReadOnlyList<T>> RangeAsync(string partitionKey, string fromRowKey, string toRowKey, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {fromRowKey} and RowKey lt {toRowKey}"), cancellationToken);

    public Task<IReadOnlyList<T>> PartitionAsync(string partitionKey, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken);

    private static (List<TableTransactionAction> Actions, WriteCounts Counts) Plan(
        IReadOnlyList<T> stored, IReadOnlyList<T> wanted, Func<T, T, bool> shouldReplace, bool deleteMissing)
    {
        var current = new Dictionary<(string, string), T>();
        foreach (var row in stored) current[(row.PartitionKey, row.RowKey)] = row;
        // A key listed twice (a vendor repeating a record) becomes one operation: a transaction may touch an entity once.
        var desired = new Dictionary<(string, string), T>();
        foreach (var row in wanted)
        {
            TableKey.Validate(row.PartitionKey);
            TableKey.Validate(row.RowKey);
            desired[(row.PartitionKey, row.RowKey)] = row;
        }

        var actions = new List<TableTransactionAction>();
        var (written, unchanged) = (0, 0);
        foreach (var (key, row) in desired)
        {
            if (!current.TryGetValue(key, out var existing))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
                written++;
            }
            else if (shouldReplace(existing, row))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, existing.ETag));
                written++;
            }
            else
            {
                unchanged++;
            }
        }
        var deleted = 0;
        if (deleteMissing)
        {
            foreach (var row in current.Where(c => !desired.ContainsKey(c.Key)).Select(c => c.Value))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag));
                deleted++;
            }
        }
        return (actions, new WriteCounts(written, deleted, unchanged));
    }

    private async Task SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (mode == TableWriteMode.EntityPerRequest)
        {
            foreach (var action in actions) await SendOneAsync(action, cancellationToken);
            return;
        }
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken);
            }
        }
    }

    private Task SendOneAsync(TableTransactionAction action, CancellationToken cancellationToken) => action.ActionType switch
    {
        TableTransactionActionType.Add => table.AddEntityAsync((T)action.Entity, cancellationToken),
        TableTransactionActionType.UpdateReplace => table.UpdateEntityAsync((T)action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
        TableTransactionActionType.Delete => table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, cancellationToken),
        _ => throw new InvalidOperationException($"Unexpected table action {action.ActionType}."),
    };

    // 409: a row we meant to insert exists now; 412: a row we meant to replace or delete changed; 404: it was
    // deleted. All three mean our read is out of date. (A missing table is not a conflict: reading again cannot help.)
    private static bool IsConflict(RequestFailedException ex) =>
        ex.Status is 409 or 412 || (ex.Status == 404 && ex.ErrorCode is not "TableNotFound");
}
