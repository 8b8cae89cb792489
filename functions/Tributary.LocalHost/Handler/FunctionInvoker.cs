using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Handler;

/// <summary>
/// Invokes a payload-mode function as the host does: <c>POST {handler}/{FunctionName}</c> with the invocation JSON.
/// Only a 2xx JSON object answer is success; any other status, a non-JSON or empty body, or the function timeout
/// is a failure. The handler's <c>Logs</c> are written to the host log.
/// </summary>
public sealed partial class FunctionInvoker(HandlerEndpoint endpoint, HostConfiguration host, IHttpClientFactory clients, InvocationLog log, ILogger<FunctionInvoker> logger)
{
    public const string HostVersion = "4.1040.0-local";

    public async Task<InvocationRecord> InvokeAsync(string functionName, JsonObject payload, CancellationToken cancellationToken)
    {
        var baseAddress = await endpoint.Ready.WaitAsync(cancellationToken);
        var invocationId = Guid.NewGuid().ToString();
        using var http = clients.CreateClient(nameof(FunctionInvoker));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, functionName))
        {
            Content = new StringContent(payload.ToJsonString(Triggers.InvocationPayloads.HostJson), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", invocationId);
        request.Headers.Add("X-Azure-Functions-HostVersion", HostVersion);
        request.Headers.UserAgent.ParseAdd($"Azure-Functions-Host/{HostVersion}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(host.FunctionTimeout);
        var clock = Stopwatch.StartNew();
        InvocationRecord record;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var error = Check(response, body, out var result);
            WriteLogs(functionName, result);
            record = new InvocationRecord(invocationId, functionName, payload, error is null, (int)response.StatusCode, error, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            record = new InvocationRecord(invocationId, functionName, payload, false, null, $"timed out after functionTimeout {host.FunctionTimeout}", clock.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            record = new InvocationRecord(invocationId, functionName, payload, false, null, $"handler unreachable: {ex.Message}", clock.Elapsed);
        }

        if (record.Succeeded) LogSucceeded(logger, functionName, invocationId, record.Duration.TotalMilliseconds);
        else LogFailed(logger, functionName, invocationId, record.Error);
        log.Add(record);
        return record;
    }

    private static string? Check(HttpResponseMessage response, string body, out JsonObject? result)
    {
        result = null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        try
        {
            result = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }
        if (!response.IsSuccessStatusCode)
        {
            var reason = result?["Logs"] is JsonArray logs ? string.Join(" | ", logs) : body;
            return $"handler answered {(int)response.StatusCode}: {reason}";
        }
        if (mediaType is not ("application/json" or "text/json"))
        {
            return $"handler answered with media type '{mediaType}', not application/json";
        }
        return result is null ? $"handler answered a body that is not a JSON object: '{body}'" : null;
    }

    private void WriteLogs(string functionName, JsonObject? result)
    {
        if (result?["Logs"] is not JsonArray logs) return;
        foreach (var line in logs)
        {
            LogFromHandler(logger, functionName, line?.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs:F0}ms)")]
    private static partial void LogSucceeded(ILogger logger, string functionName, string invocationId, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Executed '{FunctionName}' (Failed, Id={InvocationId}): {Error}")]
    private static partial void LogFailed(ILogger logger, string functionName, string invocationId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName}: {Line}")]
    private static partial void LogFromHandler(ILogger logger, string functionName, string? line);
}
