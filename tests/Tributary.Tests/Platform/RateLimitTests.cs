using System.Globalization;
using System.Net;
using System.Text.Json;
using Tributary.Testing;

namespace Tributary.Tests.Platform;

/// <summary>
/// The per-client rate limit of the public routes through the local host: after the allowance a client gets 429 with
/// Retry-After and a problem body, whatever X-Forwarded-For it claims (the host replaces it), while the health probe
/// and admin operations stay open.
/// </summary>
public sealed class RateLimitTests
{
    private const int Permits = 5;

    [Fact]
    public async Task After_the_allowance_a_client_gets_429_with_Retry_After_while_health_and_admin_stay_open()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
            handlerSettings: PlatformStack.WorkerSettings(permitsPerMinute: Permits));
        using var http = app.Client();

        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await http.GetAsync("api/catalog", ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var limited = await http.GetAsync("api/catalog", ct);
        var body = await HttpPlatformTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, ct);
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains(Permits.ToString(CultureInfo.InvariantCulture), JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());

        // Another claimed client address changes nothing: the host sends the connection's address.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "api/kpis");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var stillLimited = await http.SendAsync(spoofed, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);

        using var health = await http.GetAsync("api/health", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var admin = app.Client(PipelineHarness.MasterKey);
        using var adminAnswer = await admin.GetAsync("api/admin/backfill/open-meteo?from=2026-11-01&to=2026-11-02", ct);
        Assert.Equal(HttpStatusCode.OK, adminAnswer.StatusCode);
    }
}
