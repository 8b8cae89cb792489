using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Tributary.Functions.Http.Platform;

/// <summary>
/// Middleware in front of the worker's own ASP.NET Core pipeline (which the integration fixes as forwarded headers,
/// routing, the invocation handshake, the function endpoint): response compression, so every function's answer is
/// compressed behind any host, and problem bodies for a 4xx or 5xx that has none. Both act on the response after
/// the function ran, so they cannot cut an invocation short.
/// </summary>
internal sealed class WorkerPipelineStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseResponseCompression();
        app.UseStatusCodePages();
        next(app);
    };
}
