using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Tributary.LocalHost.Rpc;
using Tributary.LocalHost.Triggers;

namespace Tributary.Tests.LocalHost;

/// <summary>
/// The local host sends the host's TypedData kinds (functions-isolated-worker-host.md section 4): strings as
/// <c>string</c>, numbers and dates as <c>json</c>, never <c>int</c>, <c>double</c> or <c>stream</c>.
/// </summary>
public sealed class TriggerPayloadsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 10, 0, 1, 500, TimeSpan.Zero);

    [Fact]
    public void Queue_text_is_a_string_input_and_the_binding_data_has_the_hosts_kinds()
    {
        var message = QueuesModelFactory.QueueMessage("5f1c2b0e", "AgAAAAMAAAAAAAAA==", "ignored", 3,
            nextVisibleOn: new DateTimeOffset(2025, 1, 15, 10, 10, 1, 700, TimeSpan.Zero),
            insertedOn: new DateTimeOffset(2025, 1, 15, 10, 0, 0, 250, TimeSpan.Zero),
            expiresOn: new DateTimeOffset(2025, 1, 22, 10, 0, 0, TimeSpan.Zero));
        const string text = """{"orderId":42}""";
        var (inputs, metadata) = TriggerPayloads.Queue("msg", binary: false, message, System.Text.Encoding.UTF8.GetBytes(text), text);

        var input = Assert.Single(inputs);
        Assert.Equal(("msg", TypedData.DataOneofCase.String, text), (input.Name, input.Data.DataCase, input.Data.String));
        Assert.Equal(text, metadata["QueueTrigger"].String);
        Assert.Equal("3", metadata["DequeueCount"].Json);
        Assert.Equal("5f1c2b0e", metadata["Id"].String);
        Assert.Equal("AgAAAAMAAAAAAAAA==", metadata["PopReceipt"].String);
        Assert.Equal("\"2025-01-15T10:00:00.25+00:00\"", metadata["InsertionTime"].Json);
        Assert.Equal("\"2025-01-22T10:00:00+00:00\"", metadata["ExpirationTime"].Json);
        Assert.DoesNotContain(metadata.Values, v => v.DataCase is TypedData.DataOneofCase.Int or TypedData.DataOneofCase.Double or TypedData.DataOneofCase.Stream);
    }

    [Fact]
    public void A_body_that_is_not_text_goes_as_bytes_without_QueueTrigger()
    {
        var message = QueuesModelFactory.QueueMessage("1", "r", "x", 1);
        byte[] body = [0xff, 0xfe, 0x00];
        var (inputs, metadata) = TriggerPayloads.Queue("msg", binary: false, message, body, text: null);
        Assert.Equal(body, inputs[0].Data.Bytes.ToByteArray());
        Assert.False(metadata.ContainsKey("QueueTrigger"));
    }

    [Fact]
    public void Timer_input_is_TimerInfo_json_with_the_status_before_the_run_and_the_invocation_time_as_text()
    {
        var status = new ScheduleStatus(new DateTimeOffset(2025, 1, 15, 9, 55, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 15, 9, 55, 0, 1, TimeSpan.Zero));
        var (inputs, metadata) = TriggerPayloads.Timer("timer", status, isPastDue: true, Now);
        var timer = JsonDocument.Parse(Assert.Single(inputs).Data.Json).RootElement;
        Assert.True(timer.GetProperty("Schedule").GetProperty("AdjustForDST").GetBoolean());
        Assert.True(timer.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal("2025-01-15T10:00:00+00:00", timer.GetProperty("ScheduleStatus").GetProperty("Next").GetString());
        Assert.Equal("2025-01-15T09:55:00.001+00:00", timer.GetProperty("ScheduleStatus").GetProperty("LastUpdated").GetString());
        Assert.Equal("01/15/2025 10:00:01", metadata["TimerTrigger"].String);

        var unmonitored = JsonDocument.Parse(TriggerPayloads.Timer("timer", null, false, Now).Inputs[0].Data.Json).RootElement;
        Assert.Equal(JsonValueKind.Null, unmonitored.GetProperty("ScheduleStatus").ValueKind);
    }

    [Fact]
    public void Http_input_is_an_empty_RpcHttp_with_query_route_and_header_binding_data_but_no_keys()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?from=2026-11-01&code=secret-key");
        context.Request.RouteValues["source"] = "open-meteo";
        context.Request.Headers["x-functions-key"] = "secret-key";
        context.Request.Headers.Accept = "application/json";
        var (inputs, metadata) = TriggerPayloads.Http("req", context.Request);

        Assert.Equal(new RpcHttp(), Assert.Single(inputs).Data.Http);
        Assert.Equal("2026-11-01", metadata["from"].String);
        Assert.Equal("open-meteo", metadata["source"].String);
        Assert.False(metadata.ContainsKey("code"));
        Assert.Equal("""{"from":"2026-11-01"}""", metadata["Query"].Json);
        var headers = JsonDocument.Parse(metadata["Headers"].Json).RootElement;
        Assert.Equal("application/json", headers.GetProperty("Accept").GetString());
        Assert.False(headers.TryGetProperty("x-functions-key", out _));
    }
}
