using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Tributary.Functions.Http.Platform;

/// <summary>
/// An HTTP function that throws would leave the worker's answer an empty 200 (the ASP.NET Core integration only
/// writes results). This answers a 500 problem naming the invocation, never the exception or its stack trace, and
/// then lets the exception go on, so the invocation is still recorded as failed.
/// </summary>
internal sealed partial class FunctionFailureMiddleware(ILogger<FunctionFailureMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            LogFailed(logger, ex, context.FunctionDefinition.Name, context.InvocationId);
            http.Response.Clear();
            await HttpProblems.WriteAsync(http, StatusCodes.Status500InternalServerError, "The function failed",
                $"{context.FunctionDefinition.Name} (invocation {context.InvocationId}) failed; the app's logs have the details.",
                new Dictionary<string, object?> { ["invocationId"] = context.InvocationId });
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName} ({InvocationId}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName, string invocationId);
}
