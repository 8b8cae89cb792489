using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Tributary.Storage;

namespace Tributary.Views;

/// <summary>
/// Table <c>views</c>: a view is inserted once under a fresh random id (a conditional insert, retried with a new id in
/// the unlikely event the id is taken), read by id, listed a page at a time in id order, and deleted.
/// </summary>
public sealed partial class ViewStore(StorageAccount storage, TimeProvider time, ILogger<ViewStore> logger)
{
    private const int MaxIdAttempts = 5;
    private readonly TableClient _table = storage.Table(StorageNames.ViewsTable);

    public async Task<SavedView> CreateAsync(ViewDraft draft, CancellationToken cancellationToken)
    {
        var created = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var entity = ViewEntity.From(ViewIds.New(), draft, created);
            try
            {
                // AddEntity is an insert, never an upsert: an id already taken answers 409 instead of overwriting a view.
                await _table.AddEntityAsync(entity, cancellationToken);
                return entity.ToView();
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && attempt < MaxIdAttempts)
            {
                LogIdTaken(logger, entity.RowKey, attempt);
            }
        }
    }

    public async Task<SavedView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!ViewIds.IsValid(id)) return null;
        var row = await _table.GetEntityIfExistsAsync<ViewEntity>(ViewEntity.Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToView() : null;
    }

    /// <summary>Up to <paramref name="limit"/> views with ids after <paramref name="afterId"/>: one RowKey range of one partition.</summary>
    public async Task<ViewPage> ListAsync(int limit, string? afterId, CancellationToken cancellationToken)
    {
        var filter = afterId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {ViewEntity.Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {ViewEntity.Partition} and RowKey gt {afterId}");
        var views = new List<SavedView>(limit);
        // One row more than asked says whether another page exists, so the last page carries no token.
        await foreach (var row in _table.QueryAsync<ViewEntity>(filter, maxPerPage: Math.Min(limit + 1, 1000), cancellationToken: cancellationToken))
        {
            if (views.Count == limit) return new ViewPage(views, ViewContinuation.For(views[^1].Id));
            views.Add(row.ToView());
        }
        return new ViewPage(views, null);
    }

    /// <returns>False when there was no such view.</returns>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!ViewIds.IsValid(id)) return false;
        try
        {
            var response = await _table.DeleteEntityAsync(ViewEntity.Partition, id, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "View id {Id} is taken (attempt {Attempt}); trying another")]
    private static partial void LogIdTaken(ILogger logger, string id, int attempt);
}
