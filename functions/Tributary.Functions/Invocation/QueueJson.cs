using System.Text.Json;
using Tributary.Curation;

namespace Tributary.Functions.Invocation;

/// <summary>Reads a queue message's JSON; a message that does not parse fails (and so is retried, then poisoned).</summary>
public static class QueueJson
{
    public static T Read<T>(string text, string functionName)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text) ?? throw new InvalidMessageException($"{functionName}: the message is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidMessageException($"{functionName}: the message is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }
}
