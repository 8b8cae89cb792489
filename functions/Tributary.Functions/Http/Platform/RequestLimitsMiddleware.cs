using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;

namespace Tributary.Functions.Http.Platform;

/// <summary>Answers 414, 431 or 413 (problem+json) for a request past <see cref="HttpLimitsOptions"/>, before the function runs.</summary>
internal sealed class RequestLimitsMiddleware(IOptions<HttpLimitsOptions> limits) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && RequestLimits.Check(http, limits.Value) is { } breach)
        {
            await HttpProblems.WriteAsync(http, breach.Status, breach.Title, breach.Detail);
            return;
        }
        await next(context);
    }
}
