using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Tributary.Bench;

/// <summary>
/// A paged vendor that enforces a fixed-window limit like OpenAQ does (x-ratelimit-* headers, 429 over the limit)
/// and counts every request per window, so the benchmark can see exactly how close a client came to the limit.
/// </summary>
public sealed class MeteredVendor(int maxPerWindow, TimeSpan window, int pages) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, int> _perWindow = new();
    private WebApplication? _app;
    private int _rejected;

    public Uri BaseUrl { get; private set; } = null!;

    public int Rejected => _rejected;

    public int Accepted => _perWindow.Values.Sum();

    public int PeakPerWindow => _perWindow.IsEmpty ? 0 : _perWindow.Values.Max();

    /// <summary>Mean accepted requests per window, over the full windows only (the first and last are partial).</summary>
    public double MeanOfFullWindows
    {
        get
        {
            var keys = _perWindow.Keys.Order().ToList();
            var full = keys.Count > 2 ? keys.Skip(1).SkipLast(1).Select(k => _perWindow[k]).ToList() : [];
            return full.Count == 0 ? 0 : full.Average();
        }
    }

    public void Reset()
    {
        _perWindow.Clear();
        _rejected = 0;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/items", (HttpContext http, int page, int limit) =>
        {
            var now = DateTimeOffset.UtcNow;
            var key = now.UtcTicks / window.Ticks;
            var reset = (int)Math.Ceiling(((key + 1) * window.Ticks - now.UtcTicks) / (double)TimeSpan.TicksPerSecond);
            var used = _perWindow.AddOrUpdate(key, 1, (_, n) => n + 1);
            http.Response.Headers["x-ratelimit-limit"] = maxPerWindow.ToString();
            http.Response.Headers["x-ratelimit-reset"] = reset.ToString();
            if (used > maxPerWindow)
            {
                _perWindow.AddOrUpdate(key, 0, (_, n) => n - 1);
                Interlocked.Increment(ref _rejected);
                http.Response.Headers["x-ratelimit-remaining"] = "0";
                return Results.Json(new { detail = "Too many requests" }, statusCode: 429);
            }
            http.Response.Headers["x-ratelimit-remaining"] = (maxPerWindow - used).ToString();
            var count = page < pages ? limit : limit / 2;
            return Results.Json(new { meta = new { page, limit, found = page < pages ? $">{limit}" : (object)count }, results = Enumerable.Range(0, count) });
        });
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
