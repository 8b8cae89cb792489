using System.Text.Json;
using Tributary.Curation;

namespace Tributary.Functions.Queues;

/// <summary>Reads a queue message body as the pipeline's message type; a body that is not one fails with its function named.</summary>
public static class QueueJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T Read<T>(string text, string functionName)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)
                ?? throw new InvalidMessageException($"{functionName}: the queue message is JSON null, expected a {typeof(T).Name}.");
        }
        catch (JsonException ex)
        {
            throw new InvalidMessageException($"{functionName}: the queue message is not a {typeof(T).Name}: {ex.Message}");
        }
    }
}
