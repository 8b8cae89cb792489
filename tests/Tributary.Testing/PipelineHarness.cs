using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Curation;
using Tributary.Quality;
using Tributary.Landing;
using Tributary.LocalHost;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Triggers;
using Tributary.LocalHost.Worker;
using Tributary.Replay;
using Tributary.Storage;

namespace Tributary.Testing;

/// <summary>
/// The whole app on real parts, as the run command starts it: the vendor replay server, and the local Functions
/// host starting the real isolated worker process from the function app's build output, each on its own port over
/// the given Azurite. The test reads the tables through its own storage clients.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    /// <summary>A schedule that does not fire during a test run (midnight on 1 January).</summary>
    public const string NeverDuringTests = "0 0 0 1 1 *";

    /// <summary>The master key the harness gives the local host (admin routes and keyed functions).</summary>
    public const string MasterKey = "tests-master-key";

    /// <summary>The manifest sections of every shipped source (read from the manifests); all point at the test's own replay server.</summary>
    public static readonly IReadOnlyList<string> ReplayedSources = ManifestSections();

    /// <summary>Every timer's schedule setting: tests fire timers themselves.</summary>
    public static readonly IReadOnlyList<string> Schedules =
    [
        "IngestWeatherSchedule", "IngestDeparturesSchedule", "IngestPartnerDeparturesSchedule", "IngestTimetableSchedule", "IngestAirQualitySchedule",
        "IngestScheduledSourcesSchedule", "EvaluateAlertsSchedule",
    ];

    private static string[] ManifestSections() =>
        Directory.GetFiles(RepoPaths.Combine("functions", "Tributary.Functions", "sources"), "*.json")
            .SelectMany(file =>
            {
                using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
                // Push sources are sent to, never pulled from a replay: they have no BaseUrl to point anywhere.
                return doc.RootElement.GetProperty("Sources").EnumerateObject().Where(p => !p.Value.TryGetProperty("Kind", out var kind) || kind.GetString() != "Push").Select(p => p.Name).ToList();
            })
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The replay server's demo credentials (what local.settings.json holds for the local run).</summary>
    public static readonly IReadOnlyDictionary<string, string> ReplayCredentials = new Dictionary<string, string>
    {
        ["openaq-api-key"] = "replay-openaq-key",
        ["entur-partner-client-secret"] = "replay-secret",
        // The push source's upload key, as local.settings.json holds it for the local run.
        ["city-counters-upload-key"] = "local-city-counters-key",
    };

    private readonly List<WebApplication> _apps = [];

    private PipelineHarness(string connectionString)
    {
        ConnectionString = connectionString;
        Storage = StorageAccount.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageNames.ConnectionSetting, connectionString)]).Build());
    }

    public string ConnectionString { get; }
    public Uri ReplayAddress { get; private set; } = null!;
    public Uri HostAddress { get; private set; } = null!;
    public WebApplication Host { get; private set; } = null!;

    /// <summary>The test's own clients for the storage the app uses.</summary>
    public StorageAccount Storage { get; }

    public RunRecordStore Runs => new(Storage);

    public QualityStore Quality => new(Storage);

    public InvocationLog Invocations => Host.Services.GetRequiredService<InvocationLog>();

    public FunctionInvoker Invoker => Host.Services.GetRequiredService<FunctionInvoker>();

    public WorkerHost Worker => Host.Services.GetRequiredService<WorkerHost>();

    /// <param name="hostSettings">Extra app settings, e.g. host.json overrides or AzureWebJobs.X.Disabled.</param>
    /// <param name="handlerSettings">Extra configuration for the function app (app settings the worker reads), e.g. manifest overrides.</param>
    public static async Task<PipelineHarness> StartAsync(
        string connectionString,
        bool runTimersOnStartup,
        string? webRoot = null,
        IReadOnlyDictionary<string, string?>? hostSettings = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string?>? handlerSettings = null,
        IReadOnlyList<string>? replaySettings = null,
        TimeProvider? replayTime = null,
        CapturedLogs? logs = null,
        TimeSpan? workerRestartInterval = null)
    {
        var harness = new PipelineHarness(connectionString);
        try
        {
            var replay = ReplayServer.Build(["--urls", "http://127.0.0.1:0", .. replaySettings ?? []], replayTime);
            harness.ReplayAddress = await harness.StartAppAsync(replay, cancellationToken);

            // App settings, as local.settings.json or Azure would give them: the host reads its own, and passes
            // every one into the worker's environment.
            var settings = new Dictionary<string, string?>
            {
                [StorageNames.ConnectionSetting] = connectionString,
                ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.200",
                ["LocalHost__MasterKey"] = MasterKey,
                // The worker's admin gate opens admin operations with the same key, as run.sh sets it up.
                ["Admin__Keys"] = MasterKey,
                // The tests' clocks and payloads are UTC; so is the worker, whatever the machine's zone.
                ["TZ"] = "UTC",
            };
            foreach (var section in ReplayedSources) settings[$"Sources__{section}__BaseUrl"] = harness.ReplayAddress.ToString();
            foreach (var schedule in Schedules) settings[schedule] = NeverDuringTests;
            foreach (var (name, value) in ReplayCredentials) settings[$"Secrets__{name}"] = value;
            if (logs is not null)
            {
                // Every level of every category, so a test searching the logs (e.g. for secrets) sees it all.
                foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "System.Net.Http.HttpClient", "Polly" })
                {
                    settings[$"Logging__LogLevel__{category}"] = "Trace";
                }
            }
            foreach (var (key, value) in handlerSettings ?? new Dictionary<string, string?>()) settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            foreach (var (key, value) in hostSettings ?? new Dictionary<string, string?>()) settings[key] = value;

            var host = LocalHostApp.Build(new LocalHostOptions
            {
                AppRoot = FunctionAppBuild.Folder,
                // The build output's local.settings.json points at the default ports; the tests give every setting.
                ReadLocalSettings = false,
                Settings = settings,
                Port = 0,
                WebRoot = webRoot,
                RunTimersOnStartup = runTimersOnStartup,
                HostId = "tributary-tests",
                WorkerRestartInterval = workerRestartInterval ?? TimeSpan.FromSeconds(1),
                // Several workers start at once on a 2-core CI machine: allow more than the host's 10 s.
                InitializationTimeout = TimeSpan.FromSeconds(60),
            }, configure: builder =>
            {
                Quiet(builder.Logging);
                Capture(builder.Logging, logs);
            });
            harness.Host = host;
            harness.HostAddress = await harness.StartAppAsync(host, cancellationToken);
            // Ready means what the host means: the worker started and every function loaded.
            await harness.Worker.Functions.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fires a timer function as the host would at <paramref name="invokedAt"/> (no schedule monitor, not past due).</summary>
    public async Task<InvocationRecord> FireTimerAsync(string functionName, DateTimeOffset invokedAt, CancellationToken cancellationToken = default)
    {
        var function = (await Worker.Functions).Single(f => f.Name == functionName);
        var (inputs, metadata) = TriggerPayloads.Timer(function.TriggerName, null, isPastDue: false, invokedAt);
        return await Invoker.InvokeAsync(functionName, inputs, metadata, cancellationToken);
    }

    /// <summary>Invokes a function again with the inputs and metadata the host sent before (a replayed invocation).</summary>
    public Task<InvocationRecord> ReplayAsync(InvocationRecord record, CancellationToken cancellationToken = default) =>
        Invoker.ReplayAsync(record, cancellationToken);

    /// <summary>An HTTP client for the host's public port; with <paramref name="key"/>, it sends it as <c>x-functions-key</c>.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = HostAddress };
        if (key is not null) client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

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
