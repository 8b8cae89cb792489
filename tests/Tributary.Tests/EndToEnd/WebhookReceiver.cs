using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// A real outgoing-webhook endpoint on a free loopback port: Kestrel records every request (headers and body, in
/// order of arrival) and answers with <see cref="Status"/>.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int Status { get; set; } = StatusCodes.Status200OK;

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int status, CancellationToken cancellationToken)
    {
        var port = FreePorts.Take(1)[0];
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, new Uri($"http://127.0.0.1:{port}/hooks/tributary")) { Status = status };
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            receiver.Requests.Enqueue(new ReceivedWebhook(
                context.Request.Method, context.Request.Path, context.Request.ContentType,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body));
            context.Response.StatusCode = receiver.Status;
        });
        await app.StartAsync(cancellationToken);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedWebhook(string Method, string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);
