using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tributary.Functions.Invocation;

public delegate Task<InvocationResult> InvocationHandler(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken);

/// <summary>Maps payload-mode functions (timer, queue) to <c>POST /{FunctionName}</c> as the host calls them.</summary>
public static partial class InvocationEndpoints
{
    // The host's contract is PascalCase (Outputs, Logs, ReturnValue); the host reads it case-insensitively, but
    // other readers of the wire need not.
    private static readonly JsonSerializerOptions HostJson = new() { PropertyNamingPolicy = null };

    public static IEndpointConventionBuilder MapInvocation(this IEndpointRouteBuilder app, string functionName, InvocationHandler handler) =>
        app.MapPost($"/{functionName}", async Task<Results<JsonHttpResult<InvocationResult>, JsonHttpResult<InvocationFailure>>> (HttpContext http) =>
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{functionName}");
            var invocationId = http.Request.Headers["X-Azure-Functions-InvocationId"].ToString();
            try
            {
                var request = await JsonSerializer.DeserializeAsync<InvocationRequest>(http.Request.Body, cancellationToken: http.RequestAborted)
                    ?? throw new InvalidInvocationException("The invocation body is empty.");
                var result = await handler(request, http.RequestServices, http.RequestAborted);
                return TypedResults.Json(result, HostJson);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
            {
                LogFailed(logger, ex, functionName, invocationId);
                return TypedResults.Json(new InvocationFailure([$"{functionName} failed: {ex.Message}"], ex.GetType().Name, ex.Message),
                    HostJson, statusCode: StatusCodes.Status500InternalServerError);
            }
        }).WithName(functionName).ExcludeFromDescription();

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName} invocation {InvocationId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName, string invocationId);
}

/// <summary>The JSON body of a failed invocation: the host logs <c>Logs</c>; the rest helps a human reading the wire.</summary>
public sealed record InvocationFailure(IReadOnlyList<string> Logs, string Error, string Message);
