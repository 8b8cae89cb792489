namespace Tributary.Replay;

/// <summary>
/// Progress of a replay, derived from its row and its days' rows: <c>Queued</c> until a day is done, then
/// <c>Running</c>, and <c>Done</c> once every day's blobs are queued for curation (curation itself follows on queue
/// <c>curate</c>). <see cref="Error"/> is the last failure of a day that has not succeeded yet.
/// </summary>
public sealed record RawReplayStatus(
    string Source,
    string Id,
    DateOnly From,
    DateOnly To,
    int Generation,
    string Status,
    int DaysTotal,
    int DaysDone,
    int BlobsQueued,
    int BlobsSkipped,
    DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc,
    string? Error,
    IReadOnlyList<SkippedBlob> Skipped)
{
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Done = "Done";

    /// <summary>At most this many skipped blobs are listed (all are counted).</summary>
    public const int MaxListedSkips = 100;

    public static RawReplayStatus Of(RawReplayRecord replay, IReadOnlyList<RawReplayDayRecord> days)
    {
        var done = days.Where(d => d.Done).ToList();
        var status = done.Count >= replay.DaysTotal ? Done : done.Count > 0 ? Running : Queued;
        var failing = days.Where(d => !d.Done && d.Error is not null).MaxBy(d => d.UpdatedUtc);
        return new RawReplayStatus(replay.Source, replay.Id, replay.From, replay.To, replay.Generation, status,
            replay.DaysTotal, done.Count, done.Sum(d => d.BlobsQueued), done.Sum(d => d.SkippedCount),
            replay.StartedUtc, status == Done ? done.Max(d => d.UpdatedUtc) : null, failing?.Error,
            [.. done.OrderBy(d => d.Day).SelectMany(d => d.Skipped).Take(MaxListedSkips)]);
    }
}
