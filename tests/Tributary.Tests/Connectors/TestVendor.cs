using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Tests.Connectors;

/// <summary>
/// A small vendor on real Kestrel that pages a list of 7 records in every style a manifest can declare, checks an
/// API key, and can be told to fail, so the connector (the thing under test) meets real HTTP.
/// </summary>
public sealed class TestVendor : IAsyncDisposable
{
    public const string ApiKey = "test-vendor-key-0123456789";
    public const int Records = 7;

    private readonly WebApplication _app;

    private TestVendor(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request as "METHOD path?query", in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answer the next N requests with this status (then behave again).</summary>
    public ConcurrentQueue<int> FailNext { get; } = new();

    public static async Task<TestVendor> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var vendor = new TestVendor(app);
        app.Use(async (context, next) =>
        {
            vendor.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Headers["X-Api-Key"] != ApiKey && context.Request.Query["api_key"] != ApiKey)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { detail = "Invalid credentials" });
                return;
            }
            if (vendor.FailNext.TryDequeue(out var status))
            {
                context.Response.StatusCode = status;
                if (status == 429) context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsJsonAsync(new { detail = $"scripted {status}" });
                return;
            }
            await next();
        });
        static int[] Slice(int from, int size) => Enumerable.Range(from, Math.Max(0, Math.Min(size, Records - from))).ToArray();
        app.MapGet("/page", (int page, int limit) => Results.Json(new { results = Slice((page - 1) * limit, limit) }));
        app.MapGet("/offset", (int offset, int limit) => Results.Json(new { items = Slice(offset, limit) }));
        app.MapGet("/cursor", (string? cursor) =>
        {
            var from = int.Parse(cursor ?? "0");
            var next = from + 3 < Records ? (from + 3).ToString() : null;
            return Results.Json(new { data = Slice(from, 3), meta = new { next_cursor = next } });
        });
        app.MapGet("/link", (HttpContext http, int? p) =>
        {
            var page = p ?? 1;
            if (page * 3 < Records) http.Response.Headers.Link = $"</link?p={page + 1}>; rel=\"next\", </link?p=3>; rel=\"last\"";
            return Results.Json(Slice((page - 1) * 3, 3));
        });
        app.MapGet("/next", (int? p) =>
        {
            var page = p ?? 1;
            return Results.Json(new { values = Slice((page - 1) * 3, 3), next = page * 3 < Records ? $"/next?p={page + 1}" : null });
        });
        app.MapPost("/graphql", async (HttpContext http) =>
        {
            var body = await System.Text.Json.JsonDocument.ParseAsync(http.Request.Body);
            var after = body.RootElement.GetProperty("variables").TryGetProperty("after", out var a) ? a.GetString() : null;
            var from = after is null ? 0 : int.Parse(after);
            var hasNext = from + 3 < Records;
            return Results.Json(new { data = new { items = new { nodes = Slice(from, 3), pageInfo = new { hasNextPage = hasNext, endCursor = (from + 3).ToString() } } } });
        });
        app.MapGet("/forever", (int page) => Results.Json(new { results = new[] { page, page } }));
        await app.StartAsync(ct);
        vendor.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return vendor;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
