namespace Tributary.Replay;

/// <summary>
/// What one day of a replay did; one row per replay and day in table <c>replaydays</c>. Each day writes only its own
/// row, so days never contend, and a redelivered day message finds its row done instead of counting twice.
/// </summary>
/// <param name="Done">Every blob of the day was queued or skipped; false while the day is failing and being retried.</param>
/// <param name="SkippedCount">All skipped blobs; <see cref="Skipped"/> lists the first <see cref="MaxListedSkips"/>.</param>
/// <param name="Error">The last failure of a day that is not done yet (the queue retries it, then poisons it).</param>
public sealed record RawReplayDayRecord(
    DateOnly Day,
    bool Done,
    int BlobsQueued,
    int SkippedCount,
    IReadOnlyList<SkippedBlob> Skipped,
    DateTimeOffset UpdatedUtc,
    string? Error)
{
    /// <summary>Keeps a day's row far below the 64 KiB a table string may hold.</summary>
    public const int MaxListedSkips = 50;
}
