using Microsoft.Extensions.Logging;
using Tributary.Sources;
using Tributary.Sources.Manifests;

namespace Tributary.Landing;

/// <summary>
/// Runs the sources that have no timer function of their own (a source added by manifest alone) on their NCRONTAB
/// schedules, from one frequent timer. A source is due when its schedule has an occurrence since the one it last
/// started; missed occurrences (the app was stopped) collapse into one run, as a past-due timer does, and a source
/// never started before runs at once. The occurrence is claimed before the run, so a slow run is not started twice.
/// </summary>
public sealed partial class SourceScheduler(
    SourceManifests manifests,
    SourceRegistry sources,
    IngestionService ingestion,
    ScheduleStore schedules,
    ILogger<SourceScheduler> logger)
{
    /// <param name="now">The scheduler timer's invocation time.</param>
    /// <param name="ownTimers">Sources with their own timer function, which this scheduler leaves alone.</param>
    public async Task<IReadOnlyList<RunRecord>> RunDueAsync(DateTimeOffset now, IReadOnlySet<string> ownTimers, CancellationToken cancellationToken)
    {
        var due = new List<(string Source, DateTimeOffset RunTime)>();
        foreach (var manifest in manifests.Pulled.Where(m => !ownTimers.Contains(m.Id)))
        {
            if (manifests.ScheduleOf(manifest.Id) is not { } schedule) continue;
            var (last, etag) = await schedules.GetAsync(manifest.Id, cancellationToken);
            var occurrence = last is null ? Minute(now) : ScheduleOccurrences.Latest(schedule, last.Value, now);
            if (occurrence is null) continue;
            if (await schedules.TryClaimAsync(manifest.Id, occurrence.Value, etag, cancellationToken)) due.Add((manifest.Id, occurrence.Value));
            else LogClaimedElsewhere(logger, manifest.Id, occurrence.Value);
        }
        // Due sources run side by side: each has its own HTTP client, budget and resilience pipeline.
        return await Task.WhenAll(due.Select(d =>
        {
            LogDue(logger, d.Source, d.RunTime);
            return ingestion.IngestAsync(sources.Connector(d.Source), d.RunTime, cancellationToken);
        }));
    }

    private static DateTimeOffset Minute(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} is due for its {RunTime:o} occurrence")]
    private static partial void LogDue(ILogger logger, string source, DateTimeOffset runTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: occurrence {RunTime:o} was claimed by another scheduler instance")]
    private static partial void LogClaimedElsewhere(ILogger logger, string source, DateTimeOffset runTime);
}
