using System.Text.Json;
using Azure.Storage.Queues.Models;
using Tributary.LocalHost.Triggers;

namespace Tributary.Tests.LocalHost;

/// <summary>The local host must send the host's exact wire shapes (functions-custom-handler.md sections 2.2 and 2.3).</summary>
public sealed class InvocationPayloadsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 10, 0, 1, 500, TimeSpan.Zero);

    [Fact]
    public void Queue_message_text_is_json_encoded_once_more_and_metadata_scalars_are_strings()
    {
        var message = QueuesModelFactory.QueueMessage("5f1c2b0e", "AgAAAAMAAAAAAAAA==", "e30=", 1,
            nextVisibleOn: new DateTimeOffset(2025, 1, 15, 10, 10, 1, 700, TimeSpan.Zero),
            insertedOn: new DateTimeOffset(2025, 1, 15, 10, 0, 0, 250, TimeSpan.Zero),
            expiresOn: new DateTimeOffset(2025, 1, 22, 10, 0, 0, TimeSpan.Zero));
        var payload = InvocationPayloads.Queue("ProcessOrder", "msg", message, """{"orderId":42,"kind":"refund","items":[1]}""", Now);
        var json = JsonDocument.Parse(payload.ToJsonString()).RootElement;

        // Data.msg is a JSON string whose content is the message text JSON-encoded: two parses give the object.
        var msg = json.GetProperty("Data").GetProperty("msg").GetString()!;
        Assert.Equal("\"{\\\"orderId\\\":42,\\\"kind\\\":\\\"refund\\\",\\\"items\\\":[1]}\"", msg);
        Assert.Equal(42, JsonDocument.Parse(JsonSerializer.Deserialize<string>(msg)!).RootElement.GetProperty("orderId").GetInt32());

        var metadata = json.GetProperty("Metadata");
        Assert.Equal("1", metadata.GetProperty("DequeueCount").GetString());
        Assert.Equal("\"5f1c2b0e\"", metadata.GetProperty("Id").GetString());
        Assert.Equal("\"AgAAAAMAAAAAAAAA==\"", metadata.GetProperty("PopReceipt").GetString());
        Assert.Equal("2025-01-15T10:00:00+00:00", metadata.GetProperty("InsertionTime").GetString());   // second precision
        Assert.Equal("2025-01-15T10:10:01+00:00", metadata.GetProperty("NextVisibleTime").GetString());
        Assert.Equal("\"refund\"", metadata.GetProperty("kind").GetString());                         // message properties merged
        Assert.Equal("42", metadata.GetProperty("orderId").GetString());
        Assert.False(metadata.TryGetProperty("items", out _));
        Assert.False(metadata.TryGetProperty("QueueTrigger", out _));
        Assert.Equal("ProcessOrder", metadata.GetProperty("sys").GetProperty("MethodName").GetString());
    }

    [Fact]
    public void Timer_payload_is_a_TimerInfo_object_with_the_status_before_the_run()
    {
        var status = new ScheduleStatus(new DateTimeOffset(2025, 1, 15, 9, 55, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 15, 9, 55, 0, TimeSpan.Zero));
        var json = JsonDocument.Parse(InvocationPayloads.Timer("Cleanup", "timer", status, isPastDue: true, Now).ToJsonString()).RootElement;
        var timer = json.GetProperty("Data").GetProperty("timer");
        Assert.True(timer.GetProperty("Schedule").GetProperty("AdjustForDST").GetBoolean());
        Assert.True(timer.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal("2025-01-15T10:00:00+00:00", timer.GetProperty("ScheduleStatus").GetProperty("Next").GetString());
        Assert.Equal("2025-01-15T10:00:01.5000000Z", json.GetProperty("Metadata").GetProperty("sys").GetProperty("UtcNow").GetString());

        var unmonitored = JsonDocument.Parse(InvocationPayloads.Timer("Cleanup", "timer", null, false, Now).ToJsonString()).RootElement;
        Assert.Equal(JsonValueKind.Null, unmonitored.GetProperty("Data").GetProperty("timer").GetProperty("ScheduleStatus").ValueKind);
    }
}
