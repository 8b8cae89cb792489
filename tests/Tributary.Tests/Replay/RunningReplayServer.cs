using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Replay;

namespace Tributary.Tests.Replay;

/// <summary>The replay server on a real Kestrel socket (free port), with a fake clock and an HttpClient pointed at it.</summary>
internal sealed class RunningReplayServer : IAsyncDisposable
{
    /// <summary>Mid-morning UTC in winter: Europe/Oslo is on CET (GMT+1).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private RunningReplayServer(WebApplication app, FakeTimeProvider time, Uri baseAddress)
    {
        _app = app;
        Time = time;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    /// <param name="now">Initial fake time; <see cref="DefaultNow"/> when omitted.</param>
    /// <param name="settings">Extra configuration as command-line switches, e.g. <c>--Replay:OpenMeteo:MinutelyLimit=3</c>.</param>
    public static async Task<RunningReplayServer> StartAsync(DateTimeOffset? now = null, params string[] settings)
    {
        var time = new FakeTimeProvider(now ?? DefaultNow);
        var app = ReplayServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings], time);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RunningReplayServer(app, time, new Uri(address));
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) =>
        Client.GetAsync(new Uri(pathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PostAsync(string pathAndQuery) =>
        Client.PostAsync(new Uri(pathAndQuery, UriKind.Relative), content: null, TestContext.Current.CancellationToken);

    /// <summary>GET that must answer 200 with JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<T> GetFromJsonAsync<T>(string pathAndQuery) =>
        (await Client.GetFromJsonAsync<T>(new Uri(pathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
