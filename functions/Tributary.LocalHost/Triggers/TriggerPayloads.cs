using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Google.Protobuf;
using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Triggers;

/// <summary>
/// The inputs and trigger metadata the host sends per trigger, with the host's <c>TypedData</c> kinds: strings as
/// <c>string</c>, binary as <c>bytes</c>, and everything else (numbers, dates, objects) as <c>json</c>, never
/// <c>int</c>, <c>double</c> or <c>stream</c>, which the .NET worker cannot bind.
/// </summary>
public static class TriggerPayloads
{
    /// <summary>
    /// A timer input: the host's <c>TimerInfo</c> JSON (<c>ScheduleStatus</c> null without a monitor) and the
    /// <c>TimerTrigger</c> metadata, the host's clock at invocation as text.
    /// </summary>
    public static (ParameterBinding[] Inputs, Dictionary<string, TypedData> Metadata) Timer(string bindingName, ScheduleStatus? status, bool isPastDue, DateTimeOffset invokedAt)
    {
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = status is null ? null : new JsonObject
            {
                ["Last"] = NewtonsoftDate(status.Last),
                ["Next"] = NewtonsoftDate(status.Next),
                ["LastUpdated"] = NewtonsoftDate(status.LastUpdated),
            },
            ["IsPastDue"] = isPastDue,
        };
        return (
            [new ParameterBinding { Name = bindingName, Data = new TypedData { Json = timer.ToJsonString() } }],
            // The host writes DateTime.Now.ToString() in the current culture; this host's clock is UTC and its
            // culture invariant, which reads back unambiguously.
            new Dictionary<string, TypedData> { ["TimerTrigger"] = new() { String = invokedAt.UtcDateTime.ToString(CultureInfo.InvariantCulture) } });
    }

    /// <summary>A queue input: the decoded text (or bytes for a binary binding) and the queue trigger's binding data.</summary>
    public static (ParameterBinding[] Inputs, Dictionary<string, TypedData> Metadata) Queue(string bindingName, bool binary, QueueMessage message, byte[] body, string? text)
    {
        var input = binary || text is null
            ? new TypedData { Bytes = ByteString.CopyFrom(body) }
            : new TypedData { String = text };
        var metadata = new Dictionary<string, TypedData>
        {
            ["DequeueCount"] = Json(message.DequeueCount),
            ["ExpirationTime"] = Json(message.ExpiresOn ?? DateTimeOffset.MaxValue),
            ["Id"] = new() { String = message.MessageId },
            ["InsertionTime"] = Json(message.InsertedOn ?? DateTimeOffset.UtcNow),
            ["NextVisibleTime"] = Json(message.NextVisibleOn ?? DateTimeOffset.MaxValue),
            ["PopReceipt"] = new() { String = message.PopReceipt },
        };
        // Omitted when the body is not valid text, as in the host.
        if (text is not null) metadata["QueueTrigger"] = new TypedData { String = text };
        return ([new ParameterBinding { Name = bindingName, Data = input }], metadata);
    }

    /// <summary>
    /// An HTTP input under ASP.NET Core integration: an empty <c>RpcHttp</c> (the request itself is proxied) and
    /// the HTTP binding data: each query value but <c>code</c> and each route value as a string, <c>Query</c> and
    /// <c>Headers</c> as JSON objects.
    /// </summary>
    public static (ParameterBinding[] Inputs, Dictionary<string, TypedData> Metadata) Http(string bindingName, HttpRequest request)
    {
        var metadata = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
        {
            if (string.Equals(name, "code", StringComparison.OrdinalIgnoreCase)) continue;
            query[name] = values.ToString();
            metadata[name] = new TypedData { String = values.ToString() };
        }
        foreach (var (name, value) in request.RouteValues)
        {
            if (value?.ToString() is { } text) metadata[name] = new TypedData { String = text };
        }
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            // Keys are the only secrets a request carries to the host; the worker has no use for them.
            if (string.Equals(name, "x-functions-key", StringComparison.OrdinalIgnoreCase)) continue;
            headers[name] = values.ToString();
        }
        metadata["Query"] = new TypedData { Json = query.ToJsonString() };
        metadata["Headers"] = new TypedData { Json = headers.ToJsonString() };
        return ([new ParameterBinding { Name = bindingName, Data = new TypedData { Http = new RpcHttp() } }], metadata);
    }

    private static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value) };

    /// <summary>Newtonsoft's ISO round-trip form, as the host serialises <c>TimerInfo</c>: fraction trimmed, offset kept.</summary>
    private static string NewtonsoftDate(DateTimeOffset value) =>
        value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
