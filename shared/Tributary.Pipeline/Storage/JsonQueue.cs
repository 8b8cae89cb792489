using System.Text.Json;

namespace Tributary.Storage;

/// <summary>Sends pipeline messages as JSON text; the queue client base64-encodes them as the Functions host expects.</summary>
public sealed class JsonQueue(StorageAccount storage)
{
    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(message);
        await storage.Queue(queueName).SendMessageAsync(text, cancellationToken);
    }
}
