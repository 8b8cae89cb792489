using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Tributary.Functions.Http.Platform;

/// <summary>
/// Runs an HTTP invocation through ASP.NET Core's rate limiting middleware (configured by
/// <see cref="ClientRateLimiting"/>): the function runs when a permit is granted, otherwise the limiter answers 429
/// with Retry-After and a problem body, and the invocation ends without running the function.
/// </summary>
internal sealed class ClientRateLimitMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly object NextKey = new();

    private readonly RequestDelegate _pipeline;
    private readonly HttpFunctionCatalog _catalog;

    public ClientRateLimitMiddleware(IServiceProvider services, HttpFunctionCatalog catalog)
    {
        _catalog = catalog;
        var app = new ApplicationBuilder(services);
        app.UseRateLimiter();
        app.Run(http => ((Func<Task>)http.Items[NextKey]!)());
        _pipeline = app.Build();
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        if (!_catalog.For(context.FunctionDefinition).RateLimited) http.Items[ClientRateLimiting.ExemptKey] = true;
        http.Items[NextKey] = () => next(context);
        try
        {
            await _pipeline(http);
        }
        finally
        {
            http.Items.Remove(NextKey);
        }
    }
}
