using Azure;
using Tributary.Storage;

namespace Tributary.Push;

/// <summary>Table <c>uploads</c> (<see cref="UploadEntity"/>): which landing a body already has on its UTC day.</summary>
public sealed class UploadStore(StorageAccount storage)
{
    public const string TableName = "uploads";

    private Azure.Data.Tables.TableClient Table => storage.Table(TableName);

    public async Task<UploadEntity?> GetAsync(string source, string rowKey, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<UploadEntity>(TableKey.Join(source), rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Inserts the row unless the day already has one for these bytes; returns the row that holds (this one, or the first).</summary>
    public async Task<(UploadEntity Row, bool Inserted)> ClaimAsync(UploadEntity row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.AddEntityAsync(row, cancellationToken);
            return (row with { ETag = response.Headers.ETag ?? default }, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A racing copy of the same body claimed it first: its landing is this body's landing.
            return ((await GetAsync(row.PartitionKey, row.RowKey, cancellationToken))!, false);
        }
    }

    /// <summary>Marks the landing done; a concurrent copy that finished it first changes nothing.</summary>
    public async Task CompleteAsync(UploadEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(row with { Completed = true }, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another copy of the same body completed the row in between; its landing is the same one.
        }
    }
}
