using System.Globalization;
using System.Text.Json;

namespace Tributary.Functions.Invocation;

/// <summary>
/// The body the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger: <c>{"Data":{..},"Metadata":{..}}</c>.
/// The host JSON-encodes scalar values a second time (a string <c>abc</c> arrives as <c>"\"abc\""</c>, a number
/// <c>4</c> as <c>"4"</c>) while the docs show single encoding, so every reader here accepts both.
/// </summary>
public sealed class InvocationRequest
{
    public JsonElement Data { get; init; }
    public JsonElement Metadata { get; init; }

    /// <summary>The queue message text bound to <paramref name="bindingName"/>.</summary>
    public string QueueMessageText(string bindingName)
    {
        if (Data.ValueKind != JsonValueKind.Object || !Data.TryGetProperty(bindingName, out var value))
        {
            throw new InvalidInvocationException($"Invocation has no Data.{bindingName}.");
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => Unwrap(value.GetString()!),
            JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
            _ => throw new InvalidInvocationException($"Data.{bindingName} is a JSON {value.ValueKind}, expected the message text."),
        };
    }

    /// <summary>The timer binding's object (<c>IsPastDue</c>, <c>ScheduleStatus</c>).</summary>
    public bool TimerIsPastDue(string bindingName) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(bindingName, out var timer) &&
        timer.ValueKind == JsonValueKind.Object && timer.TryGetProperty("IsPastDue", out var pastDue) &&
        pastDue.ValueKind == JsonValueKind.True;

    public int DequeueCount => MetadataString("DequeueCount") is { } s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;

    /// <summary>The host's clock at invocation (<c>Metadata.sys.UtcNow</c>).</summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            if (Metadata.ValueKind == JsonValueKind.Object && Metadata.TryGetProperty("sys", out var sys) &&
                sys.ValueKind == JsonValueKind.Object && sys.TryGetProperty("UtcNow", out var now) &&
                now.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParse(Unwrap(now.GetString()!), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
            {
                return utc;
            }
            throw new InvalidInvocationException("Invocation has no Metadata.sys.UtcNow.");
        }
    }

    private string? MetadataString(string name)
    {
        if (Metadata.ValueKind != JsonValueKind.Object || !Metadata.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => Unwrap(value.GetString()!),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>Removes the host's second JSON encoding of a string, when it is there.</summary>
    internal static string Unwrap(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
            }
        }
        return text;
    }
}
