using System.Text.Json;
using Azure.Storage.Queues.Models;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Triggers;
using Tributary.LocalHost.Worker;

namespace Tributary.LocalHost.Http;

/// <summary>
/// <c>POST /admin/functions/{name}</c> with <c>{"input": "..."}</c> runs a timer or queue function now, as the host's
/// admin API does: master key only, 202 Accepted at once, the invocation runs in the background. A timer gets a
/// <c>TimerInfo</c> that is not past due; a queue function gets the input as its message, delivered directly
/// (not through the queue).
/// </summary>
public static class AdminRoutes
{
    public sealed record InvokeBody(string? Input);

    public static void Map(WebApplication app)
    {
        app.MapPost("/admin/functions/{name}", async (HttpContext context, string name, WorkerHost worker, FunctionInvoker invoker, FunctionKeys keys,
            TimeProvider time, IHostApplicationLifetime lifetime) =>
        {
            if (keys.Refusal(context.Request, name, "admin") is { } refusal)
            {
                return Results.Problem(title: "Unauthorized", detail: refusal, statusCode: StatusCodes.Status401Unauthorized);
            }
            var functions = await worker.Functions.WaitAsync(context.RequestAborted);
            var function = functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (function is null) return Results.Problem(title: "Unknown function", detail: $"The app has no function named '{name}'.", statusCode: 404);

            string? input = null;
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                try
                {
                    input = (await JsonSerializer.DeserializeAsync<InvokeBody>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted))?.Input;
                }
                catch (JsonException ex)
                {
                    return Results.Problem(title: "Invalid body", detail: $"Expected {{\"input\": \"...\"}}: {ex.Message}", statusCode: 400);
                }
            }
            var now = time.GetUtcNow();
            (Rpc.ParameterBinding[] Inputs, Dictionary<string, Rpc.TypedData> Metadata) payload;
            switch (function.TriggerType.ToLowerInvariant())
            {
                case "timertrigger":
                    payload = TriggerPayloads.Timer(function.TriggerName, null, isPastDue: false, now);
                    break;
                case "queuetrigger":
                    var text = input ?? "";
                    var message = QueuesModelFactory.QueueMessage(Guid.NewGuid().ToString(), "", text, 1, now, now, now.AddDays(7));
                    payload = TriggerPayloads.Queue(function.TriggerName, false, message, System.Text.Encoding.UTF8.GetBytes(text), text);
                    break;
                default:
                    return Results.Problem(title: "Not invocable here", detail: $"'{function.Name}' is an {function.TriggerType} function; call its route instead.", statusCode: 400);
            }
            // Runs after the answer, as the host's admin invoke does; the host's stopping token ends it.
            _ = Task.Run(() => invoker.InvokeAsync(function.Name, payload.Inputs, payload.Metadata, lifetime.ApplicationStopping), CancellationToken.None);
            return Results.Accepted();
        }).ExcludeFromDescription();
    }
}
