using Azure;
using Microsoft.Extensions.Logging;
using Tributary.Curation;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.Manifests;
using Tributary.Storage;

namespace Tributary.Replay;

/// <summary>
/// Re-curates what a source landed on a range of UTC days, without calling the vendor: each landed raw blob goes on
/// queue <c>curate</c> again with the hash it was landed with, and curation and aggregation run as usual. Curation
/// is idempotent, so a replay without a mapper change leaves observations and KPIs as they were, and one after a
/// change rewrites exactly the rows that change (<see cref="ReplayLineage"/> says why pages carry a replay run id).
/// The days are enumerated one day per message on queue <c>replay</c> (or one after another from the command line),
/// so a request only ever writes one row and queues at most <see cref="RawReplayRequest.MaxDays"/> messages.
/// </summary>
public sealed partial class RawReplayService(
    SourceRegistry sources,
    SourceManifests manifests,
    LandedPages landed,
    RawReplayStore store,
    JsonQueue queue,
    TimeProvider time,
    ILogger<RawReplayService> logger)
{
    public const string QueueName = "replay";

    /// <summary>A claim whose owner has shown no life for this long (it died while queueing days) is taken over by the next identical request.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromMinutes(1);

    /// <summary>Starts a replay by queueing its days (the HTTP route's work); an identical request joins the replay that exists.</summary>
    public Task<RawReplayOutcome> StartAsync(RawReplayRequest request, CancellationToken cancellationToken) =>
        DispatchAsync(request, (day, ct) => queue.SendAsync(QueueName, day, ct), cancellationToken);

    /// <summary>Runs a replay's days one after another in this process (the command line's work), reporting each.</summary>
    public Task<RawReplayOutcome> RunAsync(RawReplayRequest request, IProgress<RawReplayDayRecord> progress, CancellationToken cancellationToken) =>
        DispatchAsync(request, async (day, ct) => progress.Report(await ReplayDayAsync(day, ct)), cancellationToken);

    /// <summary>
    /// Queues one day's landed blobs for curation (the queue function's work). A day already done returns its row
    /// untouched, so a redelivered message queues nothing twice; a failing day records its error and throws, so the
    /// message is retried and finally poisoned.
    /// </summary>
    public async Task<RawReplayDayRecord> ReplayDayAsync(RawReplayDay day, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(day.Source)) throw new InvalidMessageException("replay message has no 'source'.");
        if (!RawReplayIds.TryParse(day.ReplayId, out _, out _, out _)) throw new InvalidMessageException($"replay message has no valid 'replayId' ('{day.ReplayId}').");
        sources.Mapper(day.Source);
        if (await store.GetDayAsync(day.Source, day.ReplayId, day.Day, cancellationToken) is { Done: true } finished)
        {
            LogDayAlreadyDone(logger, day.Source, day.ReplayId, day.Day);
            return finished;
        }

        var manifest = manifests.ByKey.Values.FirstOrDefault(m => m.Id == day.Source);
        var prefix = LandedPages.DayPrefix(day.Source, day.Day);
        var (queued, skippedCount, skipped) = (0, 0, new List<SkippedBlob>());
        try
        {
            await foreach (var (blob, sha) in landed.ListDayAsync(day.Source, day.Day, cancellationToken))
            {
                var origin = PageOrigin.Resolve(blob, prefix, manifest, out var nameProblem);
                var reason = sha is null
                    ? $"it has no '{RawPayloadStore.Sha256Metadata}' metadata, so its bytes cannot be verified (Tributary lands every page with one)"
                    : nameProblem;
                if (reason is not null || origin is not { } page)
                {
                    skippedCount++;
                    if (skipped.Count < RawReplayDayRecord.MaxListedSkips) skipped.Add(new SkippedBlob(blob, reason!));
                    LogSkipped(logger, day.ReplayId, blob, reason!);
                    continue;
                }
                await queue.SendAsync(StorageNames.CurateQueue, new CurateMessage(day.Source, ReplayLineage.RunId(page.RunId, day.StartedUtc), blob, sha!, page.City, page.Item), cancellationToken);
                queued++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RecordFailureAsync(day, ex, cancellationToken);
            throw;
        }

        var record = new RawReplayDayRecord(day.Day, Done: true, queued, skippedCount, skipped, time.GetUtcNow(), Error: null);
        await store.SaveDayAsync(day.Source, day.ReplayId, record, cancellationToken);
        LogDay(logger, day.Source, day.ReplayId, day.Day, queued, skippedCount);
        return record;
    }

    /// <returns>Null when the source has no replay with that id.</returns>
    public async Task<RawReplayStatus?> StatusAsync(string source, string id, CancellationToken cancellationToken)
    {
        sources.Mapper(source);
        if (!RawReplayIds.TryParse(id, out _, out _, out _))
        {
            throw new RawReplayException("id", $"'{id}' is not a replay id; ids are {{from:yyyyMMdd}}-{{to:yyyyMMdd}}-g{{generation}}, e.g. 20261120-20261122-g1.");
        }
        return await store.GetAsync(source, id, cancellationToken) is { } found ? await StatusOfAsync(found.Replay, cancellationToken) : null;
    }

    private async Task<RawReplayStatus> StatusOfAsync(RawReplayRecord replay, CancellationToken cancellationToken) =>
        RawReplayStatus.Of(replay, await store.DaysAsync(replay.Source, replay.Id, cancellationToken));

    /// <summary>Claims the replay, then hands each day not done yet to <paramref name="dispatch"/>, showing life as it goes.</summary>
    private async Task<RawReplayOutcome> DispatchAsync(RawReplayRequest request, Func<RawReplayDay, CancellationToken, Task> dispatch, CancellationToken cancellationToken)
    {
        var (replay, owned) = await ClaimAsync(request, cancellationToken);
        if (!owned)
        {
            LogJoined(logger, replay.Source, replay.Id);
            return new RawReplayOutcome(await StatusOfAsync(replay, cancellationToken), Started: false);
        }

        var done = (await store.DaysAsync(replay.Source, replay.Id, cancellationToken)).Where(d => d.Done).Select(d => d.Day).ToHashSet();
        var pending = request.Days.Where(d => !done.Contains(d)).ToList();
        var claimed = replay.ClaimedUtc;
        try
        {
            foreach (var day in pending)
            {
                await dispatch(new RawReplayDay(replay.Source, replay.Id, day, replay.StartedUtc), cancellationToken);
                if (time.GetUtcNow() - claimed >= HeartbeatEvery)
                {
                    claimed = time.GetUtcNow();
                    await store.TouchAsync(replay, claimed, dispatched: false, cancellationToken);
                }
            }
            await store.TouchAsync(replay, time.GetUtcNow(), dispatched: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await ReleaseAsync(replay, ex);
            throw;
        }
        LogDispatched(logger, replay.Source, replay.Id, pending.Count, replay.DaysTotal);
        return new RawReplayOutcome(await StatusOfAsync(replay, cancellationToken), Started: true);
    }

    /// <summary>
    /// The first identical request inserts the row and owns it; a later one joins, unless the owner died before it
    /// had queued every day, in which case it takes the claim over (conditionally, so only one does). With force, the
    /// generation is the one after the latest, unless the latest is still under way (then force joins it).
    /// </summary>
    private async Task<(RawReplayRecord Replay, bool Owned)> ClaimAsync(RawReplayRequest request, CancellationToken cancellationToken)
    {
        request.Validate();
        sources.Mapper(request.Source); // Unknown source: UnknownSourceException names the known ones.
        var generation = request.Generation ?? 1;
        if (request.Force && (await store.GenerationsAsync(request.Source, request.From, request.To, cancellationToken)).MaxBy(r => r.Generation) is { } latest)
        {
            var finished = (await StatusOfAsync(latest, cancellationToken)).Status == RawReplayStatus.Done;
            generation = finished ? latest.Generation + 1 : latest.Generation;
        }
        if (generation > RawReplayRequest.MaxGeneration)
        {
            throw new RawReplayException("force", $"This range has had {RawReplayRequest.MaxGeneration} replays; no further generation can be started.");
        }

        var now = time.GetUtcNow();
        var replay = new RawReplayRecord(request.Source, RawReplayIds.For(request.From, request.To, generation), request.From, request.To, generation,
            request.DayCount, now, now, Dispatched: false);
        if (await store.TryAddAsync(replay, cancellationToken))
        {
            LogClaimed(logger, replay.Source, replay.Id, replay.DaysTotal);
            return (replay, true);
        }
        var (existing, etag) = await store.GetAsync(replay.Source, replay.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Replay {replay.Id} of '{replay.Source}' was deleted while it was being claimed; ask again.");
        if (!existing.Dispatched && now - existing.ClaimedUtc > StaleAfter && await store.TryReclaimAsync(existing with { ClaimedUtc = now }, etag, cancellationToken))
        {
            LogResumed(logger, existing.Source, existing.Id, existing.ClaimedUtc);
            return (existing with { ClaimedUtc = now }, true);
        }
        return (existing, false);
    }

    /// <summary>Gives the claim up at once when dispatching failed, so asking again resumes without waiting for it to go stale.</summary>
    private async Task ReleaseAsync(RawReplayRecord replay, Exception failure)
    {
        LogDispatchFailed(logger, replay.Source, replay.Id, failure.Message);
        try
        {
            await store.TouchAsync(replay, DateTimeOffset.UnixEpoch, dispatched: false, CancellationToken.None);
        }
        catch (RequestFailedException ex)
        {
            // Storage is what failed; the claim then goes stale after StaleAfter instead.
            LogReleaseFailed(logger, replay.Source, replay.Id, ex.Status);
        }
    }

    private async Task RecordFailureAsync(RawReplayDay day, Exception failure, CancellationToken cancellationToken)
    {
        var firstLine = failure.Message.Split('\n', 2)[0].Trim();
        var error = $"{failure.GetType().Name}: {(firstLine.Length > 300 ? firstLine[..300] + "…" : firstLine)}";
        LogDayFailed(logger, day.Source, day.ReplayId, day.Day, error);
        try
        {
            await store.SaveDayAsync(day.Source, day.ReplayId, new RawReplayDayRecord(day.Day, Done: false, 0, 0, [], time.GetUtcNow(), error), cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Storage is what failed: the error is in the log, and the message is retried all the same.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} of {Source} claimed: {Days} day(s)")]
    private static partial void LogClaimed(ILogger logger, string source, string replayId, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay {ReplayId} of {Source}: its claim from {ClaimedUtc:O} went stale before every day was queued; resuming it")]
    private static partial void LogResumed(ILogger logger, string source, string replayId, DateTimeOffset claimedUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} of {Source} exists already; the request joins it")]
    private static partial void LogJoined(ILogger logger, string source, string replayId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} of {Source}: {Pending} of {Days} day(s) dispatched")]
    private static partial void LogDispatched(ILogger logger, string source, string replayId, int pending, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay {ReplayId} of {Source}: dispatching its days failed: {Error}")]
    private static partial void LogDispatchFailed(ILogger logger, string source, string replayId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay {ReplayId} of {Source}: could not release its claim ({Status}); it goes stale instead")]
    private static partial void LogReleaseFailed(ILogger logger, string source, string replayId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} of {Source} {Day:yyyy-MM-dd}: {Queued} blob(s) queued for curation, {Skipped} skipped")]
    private static partial void LogDay(ILogger logger, string source, string replayId, DateOnly day, int queued, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} of {Source} {Day:yyyy-MM-dd} is done already; nothing queued again")]
    private static partial void LogDayAlreadyDone(ILogger logger, string source, string replayId, DateOnly day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay {ReplayId}: skipped {Blob}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string replayId, string blob, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay {ReplayId} of {Source} {Day:yyyy-MM-dd} failed and is retried: {Error}")]
    private static partial void LogDayFailed(ILogger logger, string source, string replayId, DateOnly day, string error);
}
