using Microsoft.Extensions.Time.Testing;
using Tributary.Landing;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// The inputs of the crash test, landed once: four sources' timers fired at a pinned time against the replay, with
/// Curate and Aggregate disabled, so every page sits in raw storage and its message waits on queue <c>curate</c>.
/// Azurite keeps it all in a folder; every run starts on a copy of that folder, so each run curates the very same
/// blobs (same bytes, same landing time, which the quality figures read) from the very same messages.
/// </summary>
public sealed class LandedInputs : IAsyncLifetime
{
    /// <summary>Tuesday 24 November 2026, 08:05 in Oslo: a weekday morning, never "now".</summary>
    public static readonly DateTimeOffset RunTime = new(2026, 11, 24, 7, 5, 0, TimeSpan.Zero);

    private static readonly (string Function, string Source)[] Timers =
    [
        ("IngestWeather", "open-meteo"),
        ("IngestDepartures", "entur-jp"),
        ("IngestTimetable", "entur-gtfs"),
        ("IngestAirQuality", "openaq"),
    ];

    private DirectoryInfo? _root;

    /// <summary>Azurite's data folder after landing (stopped; copy it, never start on it).</summary>
    public string Folder => Path.Combine(_root?.FullName ?? throw new InvalidOperationException("Not landed yet."), "landed");

    /// <summary>How many pages were landed, i.e. how many messages wait on queue <c>curate</c>.</summary>
    public int Pages { get; private set; }

    /// <summary>What a run without crashes leaves in storage.</summary>
    public StorageContent Clean { get; private set; } = null!;

    /// <summary>How many Curate and Aggregate invocations the clean run made (all succeeded).</summary>
    public int CleanInvocations { get; private set; }

    /// <summary>The clean run's failed invocations (retried by the queue, as any failure).</summary>
    public IReadOnlyList<string> CleanFailures { get; private set; } = [];

    public TimeSpan CleanDuration { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _root = Directory.CreateTempSubdirectory("tributary-crash-");
        Directory.CreateDirectory(Folder);
        await using (var azurite = await AzuriteProcess.StartAsync(ct, location: Folder))
        {
            var onlyIngest = new Dictionary<string, string?>
            {
                ["AzureWebJobs.Curate.Disabled"] = "true",
                ["AzureWebJobs.Aggregate.Disabled"] = "true",
            };
            await using (var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, hostSettings: onlyIngest,
                             cancellationToken: ct, replayTime: new FakeTimeProvider(RunTime.AddSeconds(10))))
            {
                foreach (var (function, source) in Timers)
                {
                    var invocation = await app.FireTimerAsync(function, RunTime, ct);
                    if (!invocation.Succeeded) throw new InvalidOperationException($"{function} failed: {invocation.Error}");
                    var run = await app.Runs.GetAsync(source, RunIds.For(RunTime), ct)
                        ?? throw new InvalidOperationException($"{function} wrote no run record.");
                    if (run.Outcome != IngestionService.Succeeded || run.Pages == 0)
                    {
                        throw new InvalidOperationException($"{function}: {run.Outcome} with {run.Pages} page(s): {run.Error}");
                    }
                    Pages += run.Pages;
                }
                var waiting = (await app.Storage.Queue(StorageNames.CurateQueue).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
                if (waiting != Pages) throw new InvalidOperationException($"{Pages} pages landed but {waiting} curate messages wait.");
            }
            // SIGTERM: Azurite saves its metadata on the way out, so the folder holds everything.
            await azurite.StopAsync();
        }

        var started = DateTime.UtcNow;
        await using var clean = await CurationRun.StartAsync(this, ct);
        var records = await clean.DrainAsync(ct);
        CleanDuration = DateTime.UtcNow - started;
        // Not every invocation of a clean run succeeds: pages of one source and day update one quality day row, and
        // a writer that keeps losing that race throws, so its message is retried. What matters is where it ends.
        CleanInvocations = records.Count(CurationRun.IsCurateOrAggregate);
        CleanFailures = records.Where(r => CurationRun.IsCurateOrAggregate(r) && !r.Succeeded).Select(r => $"{r.FunctionName}: {r.Error}").ToList();
        Clean = await clean.ContentAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        _root?.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
