using Azure;
using Microsoft.Extensions.Configuration;
using Tributary.Landing;
using Tributary.Quality;
using Tributary.Query.QualityReport;
using Tributary.Sources.Manifests;

namespace Tributary.Query.Status;

/// <summary>
/// The status of declared sources: each manifest's summary (never a secret's value), its schedule's next occurrence
/// from the <see cref="TimeProvider"/>, and a few key reads per source: the first page of its run history, its recent
/// quality day rows (one RowKey range) and its drift partition.
/// </summary>
public sealed class SourceStatusService(
    SourceManifests manifests,
    RunHistoryStore history,
    QualityStore quality,
    DriftStore drift,
    Tributary.Alerts.AlertStore alerts,
    IConfiguration configuration,
    TimeProvider time)
{
    /// <summary>Runs listed in a status; the run history pages through the rest.</summary>
    public const int RecentRuns = 10;

    /// <summary>The UTC landing days the quality summary covers (today included).</summary>
    public const int QualityDays = 7;

    public const int MaxRunsPerPage = 100;

    public const int DefaultRunsPerPage = 20;

    public async Task<SourcesResponse> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sources = manifests.ByKey.OrderBy(m => m.Value.Id, StringComparer.Ordinal).ToList();
        var statuses = await Task.WhenAll(sources.Select(m => StatusAsync(m.Key, m.Value, now, cancellationToken)));
        return new SourcesResponse(now, statuses);
    }

    public async Task<SourceStatusResponse> GetAsync(string source, CancellationToken cancellationToken)
    {
        var (key, manifest) = Find(source);
        var now = time.GetUtcNow();
        return new SourceStatusResponse(now, await StatusAsync(key, manifest, now, cancellationToken));
    }

    /// <summary>One page of the source's runs, newest first.</summary>
    public async Task<RunHistoryPage> RunsAsync(string source, int limit, string? continuation, CancellationToken cancellationToken)
    {
        var (_, manifest) = Find(source);
        if (limit is < 1 or > MaxRunsPerPage) throw new KpiQueryException("limit", $"'limit' must be from 1 to {MaxRunsPerPage}.");
        var token = continuation is null ? null : RunContinuation.Decode(manifest.Id, continuation);
        IReadOnlyList<RunRecord> runs;
        string? next;
        try
        {
            (runs, next) = await history.PageAsync(manifest.Id, limit, token, cancellationToken);
        }
        catch (RequestFailedException ex) when (token is not null && ex.Status is >= 400 and < 500)
        {
            // Well formed, but not a position the service knows: as tampered as any other.
            throw new KpiQueryException("continuation", "'continuation' is not a token this API returned for this source; start again without it.");
        }
        return new RunHistoryPage(manifest.Id, limit, [.. runs.Select(RunSummary.From)], next is null ? null : RunContinuation.Encode(manifest.Id, next));
    }

    private (string Key, SourceManifest Manifest) Find(string source) =>
        manifests.ByKey.FirstOrDefault(m => m.Value.Id == source) is { Value: not null } found
            ? (found.Key, found.Value)
            : throw new QueryNotFoundException("source",
                $"Unknown source '{QueryText.Shorten(source)}'. Registered sources: {string.Join(", ", manifests.ByKey.Values.Select(m => m.Id).Order(StringComparer.Ordinal))}.");

    private async Task<SourceStatus> StatusAsync(string key, SourceManifest manifest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var runsTask = history.PageAsync(manifest.Id, RecentRuns, null, cancellationToken);
        var daysTask = quality.DaysAsync(manifest.Id, today.AddDays(-(QualityDays - 1)), today, cancellationToken);
        var driftTask = drift.ListAsync(manifest.Id, cancellationToken);
        var alertsTask = alerts.OpenForSourceAsync(manifest.Id, cancellationToken);
        await Task.WhenAll(runsTask, daysTask, driftTask, alertsTask);
        var runs = (await runsTask).Runs;
        var days = await daysTask;

        var lastSuccess = runs.FirstOrDefault(r => r.Outcome == IngestionService.Succeeded);
        var latestDay = days.Where(d => d.Pages > 0).MaxBy(d => d.Day, StringComparer.Ordinal);
        // Day rows sum their pages' counts; the newest record is a page figure, so it comes from the latest day's pages (one range).
        var latestPages = latestDay is null ? [] : await quality.PagesAsync(manifest.Id, DateOnly.ParseExact(latestDay.Day, "yyyy-MM-dd"), cancellationToken);
        var newest = latestPages.Select(p => p.NewestUtc).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
        var freshness = new FreshnessSummary(
            runs.FirstOrDefault()?.RunTimeUtc, runs.FirstOrDefault()?.Outcome,
            lastSuccess?.RunTimeUtc, lastSuccess is null ? null : Age(now, lastSuccess.RunTimeUtc),
            newest == default ? null : newest, newest == default ? null : Age(now, newest));
        var qualitySummary = new QualitySummary(QualityDays, days.Sum(d => d.Pages), days.Sum(d => d.FailedPages), days.Sum(d => d.Observations),
            days.Sum(d => d.Rejected), latestDay is null ? null : QualityDay.From(latestDay));

        return new SourceStatus(
            manifest.Id, $"{SourceManifests.SectionName}:{key}", manifest.Description, manifest.Enabled, manifest.Request.Kind.ToString(),
            manifest.BaseUrl?.GetLeftPart(UriPartial.Path), manifest.FanOut.Over.ToString(), manifest.FanOut.Items.Count,
            AuthSummary.From(manifest.Auth), PagingSummary.From(manifest.Paging), Schedule(manifest, now), freshness,
            [.. runs.Select(RunSummary.From)], qualitySummary, [.. (await driftTask).Select(DriftSummary.From)], await alertsTask);
    }

    /// <summary>The expression the app runs on (as SourceManifests reads it) and its next occurrence, as the scheduler computes occurrences.</summary>
    private ScheduleSummary Schedule(SourceManifest manifest, DateTimeOffset now)
    {
        var setting = manifest.ScheduleSetting;
        var expression = setting is not null && configuration[setting] is { Length: > 0 } set ? set : manifest.Schedule;
        var schedule = manifest.Enabled ? manifests.ScheduleOf(manifest.Id) : null;
        return new ScheduleSummary(string.IsNullOrWhiteSpace(expression) ? null : expression, setting,
            schedule is null ? null : ScheduleOccurrences.Next(schedule, now));
    }

    private static long Age(DateTimeOffset now, DateTimeOffset then) => Math.Max(0, (long)(now - then).TotalSeconds);
}
