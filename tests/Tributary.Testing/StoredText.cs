using System.Text;
using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Testing;

/// <summary>Searches everything the pipeline stored (every table's properties, every blob and queue message) for a text, e.g. a secret.</summary>
public static class StoredText
{
    /// <returns>Where the text was found (<c>table/PK/RK</c>, <c>container/blob</c>, <c>queue</c>); empty when nowhere.</returns>
    public static async Task<IReadOnlyList<string>> FindAsync(StorageAccount storage, string text, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        await foreach (var table in storage.Tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await foreach (var entity in storage.Table(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                if (entity.Any(p => p.Value?.ToString()?.Contains(text, StringComparison.Ordinal) == true))
                {
                    found.Add($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }
        await foreach (var container in storage.Blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            var client = storage.Container(container.Name);
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
                if (Encoding.UTF8.GetString(content).Contains(text, StringComparison.Ordinal) || blob.Name.Contains(text, StringComparison.Ordinal))
                {
                    found.Add($"{container.Name}/{blob.Name}");
                }
            }
        }
        await foreach (var queue in storage.Queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            var messages = await storage.Queue(queue.Name).PeekMessagesAsync(32, cancellationToken);
            if (messages.Value.Any(m => Decoded(m.Body.ToString()).Contains(text, StringComparison.Ordinal)))
            {
                found.Add(queue.Name);
            }
        }
        return found;
    }

    // Queue messages are base64 (as the Functions host expects); look in the decoded text too.
    private static string Decoded(string body)
    {
        var buffer = new byte[body.Length];
        return Convert.TryFromBase64String(body, buffer, out var length) ? body + Encoding.UTF8.GetString(buffer, 0, length) : body;
    }
}
