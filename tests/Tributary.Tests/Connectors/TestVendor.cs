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

    public const string ClientId = "tributary-test";
    public const string ClientSecret = "client-secret-5b9e2c";

    /// <summary>Tokens this vendor issued and still accepts; clearing it makes every token "expired".</summary>
    public ConcurrentDictionary<string, bool> ValidTokens { get; } = new();

    /// <summary>The token requests, as the form or JSON fields received (the secret replaced by its length).</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    /// <summary>The Retry-After a 429 of <see cref="FailNext"/> carries.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Answer the next N requests with this status (then behave again).</summary>
    public ConcurrentQueue<int> FailNext { get; } = new();

    public static async Task<TestVendor> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var vendor = new TestVendor(app);
        app.MapPost("/oauth/token", async (HttpContext http) =>
        {
            // RFC 6749 4.4: client_secret_post (form), client_secret_basic (form + Basic), or a JSON body (Entur/Auth0 style).
            Dictionary<string, string?> fields;
            if (http.Request.HasFormContentType)
            {
                fields = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
            }
            else
            {
                var json = await System.Text.Json.JsonDocument.ParseAsync(http.Request.Body);
                fields = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            }
            if (http.Request.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic "))
            {
                var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
                (fields["client_id"], fields["client_secret"]) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
                fields["auth"] = "basic";
            }
            vendor.TokenRequests.Enqueue(string.Join("&", fields.OrderBy(f => f.Key).Select(f => f.Key == "client_secret" ? $"{f.Key}=<{f.Value?.Length}>" : $"{f.Key}={f.Value}")));
            if (fields.GetValueOrDefault("grant_type") != "client_credentials")
            {
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            }
            if (fields.GetValueOrDefault("client_id") != ClientId || fields.GetValueOrDefault("client_secret") != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client", error_description = "Client authentication failed." }, statusCode: 401);
            }
            var token = Guid.NewGuid().ToString("N");
            vendor.ValidTokens[token] = true;
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 3600 });
        });
        app.MapGet("/protected", (HttpContext http) =>
        {
            var auth = http.Request.Headers.Authorization.ToString();
            if (!auth.StartsWith("Bearer ") || !vendor.ValidTokens.ContainsKey(auth[7..]))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.Json(new { error = "invalid_token" }, statusCode: 401);
            }
            return Results.Json(new { results = new[] { 1, 2, 3 } });
        });
        app.Use(async (context, next) =>
        {
            vendor.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Path.StartsWithSegments("/protected") || context.Request.Path.StartsWithSegments("/oauth"))
            {
                await next();
                return;
            }
            if (context.Request.Headers["X-Api-Key"] != ApiKey && context.Request.Query["api_key"] != ApiKey)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { detail = "Invalid credentials" });
                return;
            }
            if (vendor.FailNext.TryDequeue(out var status))
            {
                context.Response.StatusCode = status;
                if (status == 429) context.Response.Headers.RetryAfter = vendor.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
