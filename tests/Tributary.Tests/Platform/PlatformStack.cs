using Tributary.Testing;

namespace Tributary.Tests.Platform;

/// <summary>
/// Azurite and the whole app under the local host, shared by one test class: admin tokens validated with the test's
/// symmetric key, a browser origin allowed, and a worker limit on URIs below the host's (so the worker's own check is
/// reached through the host).
/// </summary>
public sealed class PlatformStack : IAsyncLifetime
{
    public const string AllowedOrigin = "https://dashboard.tributary.tests";
    public const int WorkerMaxUriBytes = 4096;

    private AzuriteProcess? _azurite;
    private PipelineHarness? _app;

    public PipelineHarness App => _app ?? throw new InvalidOperationException("The stack has not started.");

    public static Dictionary<string, string?> WorkerSettings(int? permitsPerMinute = null) => new()
    {
        ["Auth:Issuer"] = AdminTokens.Issuer,
        ["Auth:Audience"] = AdminTokens.Audience,
        ["Auth:SigningKeys"] = AdminTokens.SigningKey,
        ["Limits:MaxUriBytes"] = WorkerMaxUriBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimit:PermitsPerMinute"] = (permitsPerMinute ?? 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cors:AllowedOrigins"] = AllowedOrigin,
    };

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _app = await PipelineHarness.StartAsync(_azurite.ConnectionString, runTimersOnStartup: false, handlerSettings: WorkerSettings());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
