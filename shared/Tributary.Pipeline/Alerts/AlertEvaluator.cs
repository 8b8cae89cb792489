using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Curation;
using Tributary.Landing;
using Tributary.Marts;
using Tributary.Quality;
using Tributary.Sources.Manifests;
using Tributary.Storage;
using static Tributary.Query.QueryText;

namespace Tributary.Alerts;

/// <summary>
/// Evaluates the configured rules against what the pipeline stored: KPI thresholds and drift after an aggregation,
/// run failures (and staleness clearing) after a run, staleness and drift on the timer. Every incident's start comes
/// from the data, so evaluating the same data again finds the incident it opened and changes nothing.
/// </summary>
public sealed partial class AlertEvaluator(
    IOptions<AlertsOptions> options,
    AlertStore store,
    AlertOutbox outbox,
    KpiStore kpis,
    KpiCatalog catalog,
    DriftStore drift,
    StorageAccount storage,
    SourceManifests manifests,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    /// <summary>How far back a stale source's last fresh run is looked for, to date the incident's start.</summary>
    public static readonly TimeSpan StaleLookback = TimeSpan.FromDays(7);

    private IEnumerable<AlertRule> Rules(AlertKind kind) => options.Value.Rules.Where(r => r.Kind == kind);

    /// <summary>After the aggregate stage: the threshold rules of the KPIs the message recomputed, for its city; then drift.</summary>
    public async Task AfterAggregateAsync(AggregateMessage message, CancellationToken cancellationToken)
    {
        if (message.Days is not { Count: > 0 } days || string.IsNullOrWhiteSpace(message.City)) return;
        var affected = catalog.AffectedBy(message.Metrics, message.Dimensions?.Contains(DimensionStore.StopKind) == true).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in Rules(AlertKind.KpiThreshold).Where(r => affected.Contains(r.Kpi!) && (r.City is null || r.City == message.City)))
        {
            await EvaluateThresholdAsync(rule, message.City, days.Min(), days.Max(), cancellationToken);
        }
        // Curation records drift before it queues the aggregation, so this is the first moment a drift rule can see it.
        foreach (var rule in Rules(AlertKind.Drift)) await EvaluateDriftAsync(rule, cancellationToken);
    }

    /// <summary>After an ingest run of <paramref name="run"/>'s source, whatever its outcome.</summary>
    public async Task AfterRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        foreach (var rule in Rules(AlertKind.RunFailed).Where(r => r.Source == run.Source))
        {
            var failed = run.Outcome == IngestionService.Failed || (rule.IncludePartial && run.Outcome == IngestionService.PartiallySucceeded);
            if (failed)
            {
                var detail = $"Run {run.RunId} of '{run.Source}' {run.Outcome}: {Shorten(run.Error ?? "no error recorded", 200)}";
                await OpenAsync(rule, run.Source, run.Source, run.RunTimeUtc, detail, cancellationToken);
            }
            else
            {
                // Only a later run clears the failure: a replayed older success does not.
                await ResolveAsync(rule, run.Source, m => m.IncidentStartUtc < run.RunTimeUtc,
                    $"Run {run.RunId} of '{run.Source}' {run.Outcome}.", cancellationToken);
            }
        }
        if (IsFresh(run))
        {
            foreach (var rule in Rules(AlertKind.SourceStale).Where(r => r.Source == run.Source))
            {
                await ResolveAsync(rule, run.Source, _ => true, $"Run {run.RunId} of '{run.Source}' {run.Outcome} with {run.Pages} page(s).", cancellationToken);
            }
        }
        foreach (var rule in Rules(AlertKind.Drift).Where(r => r.Source == run.Source)) await EvaluateDriftAsync(rule, cancellationToken);
    }

    /// <summary>The timer: staleness of every watched source at <paramref name="now"/>, drift, and any delivery a crash left unqueued.</summary>
    public async Task OnTimerAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var rule in Rules(AlertKind.SourceStale)) await EvaluateStaleAsync(rule, now, cancellationToken);
        foreach (var rule in Rules(AlertKind.Drift)) await EvaluateDriftAsync(rule, cancellationToken);
        foreach (var rule in options.Value.Rules)
        {
            foreach (var marker in await store.OpenMarkersAsync(rule.Name, cancellationToken))
            {
                if (await store.GetAsync(rule.Name, marker.IncidentRowKey, cancellationToken) is { } incident)
                {
                    await outbox.QueuePendingAsync(incident, options.Value.DeliverResolved, cancellationToken);
                }
            }
        }
    }

    private async Task EvaluateThresholdAsync(AlertRule rule, string city, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var grain = KpiGrains.Parse(rule.Grain)!.Value;
        var length = grain.Length();
        // Enough days before the first one to see a streak of Consecutive buckets that began earlier.
        var lookbackDays = (int)Math.Ceiling(rule.Consecutive * length.TotalDays);
        var from = new DateTimeOffset(firstDay.AddDays(-lookbackDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await kpis.GetSeriesAsync(rule.Kpi!, city, grain, rule.Stop ?? KpiKeys.CityArea, from, to, cancellationToken);
        var valued = rows.Where(r => r.Value is not null).OrderBy(r => r.BucketStartUtc).ToList();
        if (valued.Count == 0) return;

        var subject = rule.Stop is null ? city : TableKey.Join(city, rule.Stop);
        // The streak of breaching buckets that ends at the newest valued bucket; a gap or a bucket within bounds ends it.
        var streak = 0;
        for (var i = valued.Count - 1; i >= 0 && Breaches(rule, valued[i].Value!.Value); i--)
        {
            if (i < valued.Count - 1 && valued[i].BucketStartUtc + length != valued[i + 1].BucketStartUtc) break;
            streak++;
        }
        var newest = valued[^1];
        var comparison = rule.Above is { } above ? $"above {Number(above)}" : $"below {Number(rule.Below!.Value)}";
        if (streak >= rule.Consecutive)
        {
            var start = valued[^streak].BucketStartUtc;
            var detail = $"{rule.Kpi} ({subject}, {rule.Grain}) {comparison} for {streak} consecutive bucket(s) since {start:yyyy-MM-dd'T'HH:mm'Z'}; " +
                         $"latest {Number(newest.Value!.Value)} at {newest.BucketStartUtc:yyyy-MM-dd'T'HH:mm'Z'}.";
            await OpenAsync(rule, subject, null, start, detail, cancellationToken);
        }
        else
        {
            // Only data newer than the incident's start clears it: re-aggregating an older day leaves it open.
            await ResolveAsync(rule, subject, m => newest.BucketStartUtc > m.IncidentStartUtc,
                $"{rule.Kpi} ({subject}) is no longer {comparison} {rule.Consecutive} bucket(s) in a row: {Number(newest.Value!.Value)} at {newest.BucketStartUtc:yyyy-MM-dd'T'HH:mm'Z'}.",
                cancellationToken);
        }
    }

    private async Task EvaluateStaleAsync(AlertRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = rule.Source!;
        if (!manifests.Enabled.Any(m => m.Id == source)) return;
        var maxAge = TimeSpan.FromMinutes(rule.MaxAgeMinutes!.Value);
        // Run ids are the run time to the minute (yyyyMMddTHHmmZ), so "runs since t" is one RowKey range.
        var recent = await RunsAsync(source, now - maxAge, now.AddMinutes(1), cancellationToken);
        if (recent.Any(IsFresh))
        {
            await ResolveAsync(rule, source, _ => true, $"'{source}' has a fresh run within {rule.MaxAgeMinutes} minute(s).", cancellationToken);
            return;
        }
        var earlier = await RunsAsync(source, now - maxAge - StaleLookback, now - maxAge, cancellationToken);
        var lastFresh = earlier.Where(IsFresh).Select(r => (DateTimeOffset?)r.RunTimeUtc).Max();
        // The onset is when the last fresh run grew too old; with none in the lookback, the lookback's start bounds it.
        var start = (lastFresh ?? now - maxAge - StaleLookback) + maxAge;
        start = new DateTimeOffset(start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var detail = lastFresh is { } last
            ? $"'{source}' has had no fresh run for more than {rule.MaxAgeMinutes} minute(s): the last was at {last:yyyy-MM-dd'T'HH:mm'Z'}."
            : $"'{source}' has had no fresh run for more than {rule.MaxAgeMinutes} minute(s), nor in the {StaleLookback.TotalDays} days before.";
        await OpenAsync(rule, source, source, start, detail, cancellationToken);
    }

    private async Task EvaluateDriftAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        var source = rule.Source!;
        var events = await drift.ListAsync(source, cancellationToken);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in events)
        {
            var subject = AlertSubjects.Safe($"{source}|{change.Change}|{change.Field}");
            subjects.Add(subject);
            var detail = $"'{source}' payload drift: field '{Shorten(change.Field, 200)}' {change.Change} (expected {Shorten(change.Expected, 200)}, saw {Shorten(change.Actual, 200)}), first in {Shorten(change.ExampleBlob, 200)}.";
            await OpenAsync(rule, subject, source, change.FirstSeenUtc, detail, cancellationToken);
        }
        // A drift event stays until someone removes its row (the mapper was fixed and the row cleared): then it resolves.
        foreach (var marker in await store.OpenMarkersAsync(rule.Name, cancellationToken))
        {
            if (!subjects.Contains(marker.Subject))
            {
                await ResolveAsync(rule, marker.Subject, _ => true, "The drift event was cleared.", cancellationToken);
            }
        }
    }

    private async Task OpenAsync(AlertRule rule, string subject, string? source, DateTimeOffset start, string detail, CancellationToken cancellationToken)
    {
        var existing = await store.OpenMarkerAsync(rule.Name, subject, cancellationToken);
        if (existing is null)
        {
            var key = AlertEntity.IncidentKey(subject, start);
            var incident = new AlertEntity
            {
                PartitionKey = TableKey.Join(rule.Name),
                RowKey = key,
                Rule = rule.Name,
                Kind = rule.Kind.ToString(),
                Subject = subject,
                Source = source,
                State = AlertEntity.Open,
                IncidentStartUtc = start,
                OpenedUtc = time.GetUtcNow(),
                Detail = detail,
                IncidentRowKey = key,
            };
            if (await store.TryOpenAsync(incident, cancellationToken) is { } opened)
            {
                LogOpened(logger, rule.Name, subject, start, detail);
                await outbox.QueuePendingAsync(await store.GetAsync(rule.Name, opened.RowKey, cancellationToken) ?? opened, options.Value.DeliverResolved, cancellationToken);
                return;
            }
            existing = await store.OpenMarkerAsync(rule.Name, subject, cancellationToken);
            if (existing is null)
            {
                // The incident with this start exists and was resolved: the same condition, seen again in replayed data.
                LogAlreadyResolved(logger, rule.Name, subject, start);
                return;
            }
        }
        // Ongoing: nothing changes, but a delivery a crash left unqueued is queued now.
        if (await store.GetAsync(rule.Name, existing.IncidentRowKey, cancellationToken) is { OpenQueuedUtc: null } pending)
        {
            await outbox.QueuePendingAsync(pending, options.Value.DeliverResolved, cancellationToken);
        }
    }

    private async Task ResolveAsync(AlertRule rule, string subject, Func<AlertEntity, bool> clears, string detail, CancellationToken cancellationToken)
    {
        if (await store.OpenMarkerAsync(rule.Name, subject, cancellationToken) is not { } marker || !clears(marker)) return;
        if (await store.TryResolveAsync(marker, time.GetUtcNow(), detail, cancellationToken) is { } resolved)
        {
            LogResolved(logger, rule.Name, subject, detail);
            var stored = await store.GetAsync(rule.Name, resolved.RowKey, cancellationToken) ?? resolved;
            await outbox.QueuePendingAsync(stored, options.Value.DeliverResolved, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<RunEntity>> RunsAsync(string source, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter(
            $"PartitionKey eq {source} and RowKey ge {RunIds.For(from)} and RowKey lt {RunIds.For(to)}");
        var rows = new List<RunEntity>();
        await foreach (var row in storage.Table(StorageNames.RunsTable).QueryAsync<RunEntity>(filter, cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }

    /// <summary>A run that shows the source is alive: it succeeded (an unchanged feed lands nothing and is still fresh) or landed pages.</summary>
    private static bool IsFresh(RunEntity run) => run.Outcome == IngestionService.Succeeded || run.Pages > 0;

    private static bool IsFresh(RunRecord run) => run.Outcome == IngestionService.Succeeded || run.Pages > 0;

    private static bool Breaches(AlertRule rule, double value) => rule.Above is { } above ? value > above : value < rule.Below!.Value;

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Rule} opened for {Subject} (since {Start:o}): {Detail}")]
    private static partial void LogOpened(ILogger logger, string rule, string subject, DateTimeOffset start, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Rule} for {Subject} resolved: {Detail}")]
    private static partial void LogResolved(ILogger logger, string rule, string subject, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {Rule} for {Subject} since {Start:o} was opened and resolved before; not opened again")]
    private static partial void LogAlreadyResolved(ILogger logger, string rule, string subject, DateTimeOffset start);
}
