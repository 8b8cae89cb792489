using Microsoft.AspNetCore.Http.Features;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Functions;
using Tributary.LocalHost;
using Tributary.LocalHost.Handler;
using Tributary.Replay;
using Tributary.Storage;

namespace Tributary.Testing;

/// <summary>
/// The whole app on real parts, as the run command starts it: the vendor replay server, the custom handler and the
/// local Functions host (reading the function.json files and host.json copied next to the test binaries), each on
/// its own Kestrel port over the given Azurite. The handler runs in-process so tests can read its services.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    /// <summary>A schedule that does not fire during a test run (midnight on 1 January).</summary>
    public const string NeverDuringTests = "0 0 0 1 1 *";

    /// <summary>The manifest sections of the default sources; all point at the test's own replay server.</summary>
    public static readonly IReadOnlyList<string> ReplayedSources = ["OpenMeteo", "EnturJourneyPlanner", "EnturPartner", "EnturGtfs", "OpenAq"];

    /// <summary>Every source timer's schedule setting: tests fire timers themselves.</summary>
    public static readonly IReadOnlyList<string> Schedules =
        ["IngestWeatherSchedule", "IngestDeparturesSchedule", "IngestPartnerDeparturesSchedule", "IngestTimetableSchedule", "IngestAirQualitySchedule"];

    /// <summary>The replay server's demo credentials (what local.settings.json holds for the local run).</summary>
    public static readonly IReadOnlyDictionary<string, string> ReplayCredentials = new Dictionary<string, string>
    {
        ["openaq-api-key"] = "replay-openaq-key",
        ["entur-partner-client-secret"] = "replay-secret",
    };

    private readonly List<WebApplication> _apps = [];

    private PipelineHarness(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }
    public Uri ReplayAddress { get; private set; } = null!;
    public Uri HandlerAddress { get; private set; } = null!;
    public Uri HostAddress { get; private set; } = null!;
    public WebApplication Handler { get; private set; } = null!;
    public WebApplication Host { get; private set; } = null!;

    public InvocationLog Invocations => Host.Services.GetRequiredService<InvocationLog>();

    public FunctionInvoker Invoker => Host.Services.GetRequiredService<FunctionInvoker>();

    public StorageAccount Storage => Handler.Services.GetRequiredService<StorageAccount>();

    /// <param name="hostSettings">Extra app settings for the local host, e.g. host.json overrides.</param>
    /// <param name="handlerSettings">Extra configuration for the function app, e.g. manifest overrides.</param>
    public static async Task<PipelineHarness> StartAsync(
        string connectionString,
        bool runTimersOnStartup,
        string? webRoot = null,
        IReadOnlyDictionary<string, string?>? hostSettings = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string?>? handlerSettings = null,
        IReadOnlyList<string>? replaySettings = null,
        TimeProvider? replayTime = null,
        CapturedLogs? logs = null)
    {
        var harness = new PipelineHarness(connectionString);
        try
        {
            var replay = ReplayServer.Build(["--urls", "http://127.0.0.1:0", .. replaySettings ?? []], replayTime);
            harness.ReplayAddress = await harness.StartAppAsync(replay, cancellationToken);

            var handler = HandlerApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
            {
                var configuration = new Dictionary<string, string?>
                {
                    [StorageNames.ConnectionSetting] = connectionString,
                };
                foreach (var section in ReplayedSources) configuration[$"Sources:{section}:BaseUrl"] = harness.ReplayAddress.ToString();
                foreach (var schedule in Schedules) configuration[schedule] = NeverDuringTests;
                foreach (var (name, value) in ReplayCredentials) configuration[$"Secrets:{name}"] = value;
                foreach (var (key, value) in handlerSettings ?? new Dictionary<string, string?>()) configuration[key] = value;
                builder.Configuration.AddInMemoryCollection(configuration);
                Quiet(builder.Logging);
                Capture(builder.Logging, logs);
            });
            harness.Handler = handler;
            harness.HandlerAddress = await harness.StartAppAsync(handler, cancellationToken);

            var settings = new Dictionary<string, string?>
            {
                [StorageNames.ConnectionSetting] = connectionString,
                ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.200",
            };
            foreach (var schedule in Schedules) settings[schedule] = NeverDuringTests;
            foreach (var (key, value) in hostSettings ?? new Dictionary<string, string?>()) settings[key] = value;
            var host = LocalHostApp.Build(new LocalHostOptions
            {
                AppRoot = AppContext.BaseDirectory,
                Settings = settings,
                HandlerUrl = harness.HandlerAddress,
                Port = 0,
                WebRoot = webRoot,
                RunTimersOnStartup = runTimersOnStartup,
                HostId = "tributary-tests",
            }, configure: builder =>
            {
                Quiet(builder.Logging);
                Capture(builder.Logging, logs);
            });
            harness.Host = host;
            harness.HostAddress = await harness.StartAppAsync(host, cancellationToken);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes a function again with a payload the host sent before (a replayed invocation).</summary>
    public Task<InvocationRecord> ReplayAsync(InvocationRecord record, CancellationToken cancellationToken = default) =>
        Invoker.InvokeAsync(record.FunctionName, (JsonObject)record.Payload.DeepClone(), cancellationToken);

    private async Task<Uri> StartAppAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // Stopping a host that never started throws and would hide why it did not start.
            await app.DisposeAsync();
            throw;
        }
        _apps.Add(app);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    // Everything, at every level, goes to the capture (the console stays quiet).
    private static void Capture(ILoggingBuilder logging, CapturedLogs? logs)
    {
        if (logs is null) return;
        logging.AddProvider(logs);
        logging.AddFilter<CapturedLogs>(_ => true);
    }

    private static void Quiet(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Tributary", LogLevel.Information);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            try
            {
                await _apps[i].StopAsync();
            }
            finally
            {
                await _apps[i].DisposeAsync();
            }
        }
    }
}
