using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tributary.Testing;

/// <summary>
/// A vendor that must not be called: it records every request and answers 503. Point a source's BaseUrl at it to
/// prove that a stage (re-curating from raw, say) never reaches the vendor.
/// </summary>
public sealed class UnreachableVendor : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UnreachableVendor(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request as "METHOD path?query", in order of arrival.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<UnreachableVendor> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var vendor = new UnreachableVendor(app);
        app.Run(context =>
        {
            vendor.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        vendor.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return vendor;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
