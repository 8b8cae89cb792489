using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;

namespace Tributary.LocalHost.Triggers;

/// <summary>
/// Builds invocation bodies exactly as the host's HTTP worker does: <c>{"Data":{..},"Metadata":{..}}</c>, with every
/// scalar serialised as JSON once more (a string <c>abc</c> becomes <c>"\"abc\""</c>, a number <c>4</c> becomes
/// <c>"4"</c>), date-times at second precision, objects as objects, and trigger-named keys left out of Metadata.
/// </summary>
public static class InvocationPayloads
{
    /// <summary>Escapes like the host's Newtonsoft serialiser (<c>\"</c>, not <c>\u0022</c>), so the bytes match too.</summary>
    public static readonly JsonSerializerOptions HostJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Timer(string functionName, string bindingName, ScheduleStatus? status, bool isPastDue, DateTimeOffset utcNow) => new()
    {
        ["Data"] = new JsonObject
        {
            [bindingName] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = status is null ? null : new JsonObject
                {
                    ["Last"] = Time(status.Last),
                    ["Next"] = Time(status.Next),
                    ["LastUpdated"] = Time(status.LastUpdated),
                },
                ["IsPastDue"] = isPastDue,
            },
        },
        ["Metadata"] = new JsonObject { ["sys"] = Sys(functionName, utcNow) },
    };

    public static JsonObject Queue(string functionName, string bindingName, QueueMessage message, string text, DateTimeOffset utcNow)
    {
        var metadata = new JsonObject();
        // Top-level properties of a JSON object message become binding data too; built-in keys are set after them,
        // and the host documents that a message property can shadow them, so we keep the host's order.
        if (TryParseObject(text) is { } properties)
        {
            foreach (var (name, value) in properties)
            {
                if (value is JsonArray || value is JsonObject) continue;
                metadata[name] = value is null ? null : value.GetValueKind() == JsonValueKind.String
                    ? JsonSerializer.Serialize(value.GetValue<string>(), HostJson)
                    : value.ToJsonString();
            }
        }
        metadata["DequeueCount"] = message.DequeueCount.ToString(CultureInfo.InvariantCulture);
        metadata["Id"] = JsonSerializer.Serialize(message.MessageId, HostJson);
        metadata["PopReceipt"] = JsonSerializer.Serialize(message.PopReceipt, HostJson);
        metadata["InsertionTime"] = Time(message.InsertedOn);
        metadata["ExpirationTime"] = Time(message.ExpiresOn);
        metadata["NextVisibleTime"] = Time(message.NextVisibleOn);
        metadata["sys"] = Sys(functionName, utcNow);
        return new JsonObject
        {
            ["Data"] = new JsonObject { [bindingName] = JsonSerializer.Serialize(text, HostJson) },
            ["Metadata"] = metadata,
        };
    }

    private static JsonObject Sys(string functionName, DateTimeOffset utcNow) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = utcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    private static string? Time(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonObject? TryParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
