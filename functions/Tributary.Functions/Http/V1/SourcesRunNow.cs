using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Tributary.Functions.Ingest;
using Tributary.Landing;
using Tributary.Sources.Manifests;

namespace Tributary.Functions.Http.V1;

/// <summary>
/// "Run a source now": starts the source's ingestion for the current minute through the timers' own path
/// (<see cref="SourceIngestion.RunAtAsync"/>), in the background, and answers at once with the run id. The run id is
/// the minute's, as a timer's would be, so asking twice within a minute (or while the timer runs) is the same run:
/// landing reuses the pages already landed, and a run still going is not started twice in this instance. Runs still
/// going at shutdown are cancelled and awaited. A run cut short by the instance going away is not resumed (the
/// source's schedule goes on); the run history shows how far it got.
/// </summary>
public sealed partial class SourcesRunNow(SourceIngestion ingestion, SourceManifests manifests, TimeProvider time, ILogger<SourcesRunNow> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The run's id and time, and whether this call started it (false: the same run is still going).</summary>
    /// <exception cref="Tributary.Sources.UnknownSourceException">No manifest declares the source.</exception>
    /// <exception cref="SourceDisabledException">The source is switched off.</exception>
    public (string RunId, DateTimeOffset RunTimeUtc, bool Started) Start(string sourceId)
    {
        var manifest = manifests.Get(sourceId);
        if (!manifest.Enabled) throw new SourceDisabledException(sourceId, manifests.ByKey.First(m => m.Value.Id == sourceId).Key);
        var runTime = SourceIngestion.RunTimeOf(time.GetUtcNow());
        var runId = RunIds.For(runTime);
        var key = $"{sourceId}|{runId}";
        var run = new Lazy<Task>(() => Task.Run(() => RunAsync(key, sourceId, runTime)));
        var current = _running.GetOrAdd(key, run);
        _ = current.Value;
        return (runId, runTime, ReferenceEquals(current, run));
    }

    private async Task RunAsync(string key, string sourceId, DateTimeOffset runTime)
    {
        try
        {
            var record = await ingestion.RunAtAsync(sourceId, runTime, _stopping.Token);
            if (record is not null) LogRan(logger, sourceId, record.RunId, record.Outcome, record.Pages);
        }
        catch (Exception ex)
        {
            // The run record already says what failed (IngestionService writes it before throwing).
            LogFailed(logger, ex, sourceId, RunIds.For(runTime));
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values.Select(r => r.Value)).WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run now: {Source} run {RunId} {Outcome}, {Pages} page(s)")]
    private static partial void LogRan(ILogger logger, string source, string runId, string outcome, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run now: {Source} run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string source, string runId);
}
