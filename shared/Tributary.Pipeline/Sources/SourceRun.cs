namespace Tributary.Sources;

/// <summary>
/// One run of a source: the scheduled run time, and for a backfill the explicit window [WindowStart, WindowEnd) to
/// fetch instead of the manifest's run-relative one. A backfill never moves the source's incremental cursors.
/// </summary>
public sealed record SourceRun(DateTimeOffset RunTime, DateTimeOffset? WindowStart = null, DateTimeOffset? WindowEnd = null)
{
    public bool IsBackfill => WindowStart is not null;

    /// <summary>
    /// Scheduled runs are named by their run time to the minute (<c>20261122T1005Z</c>); a backfill chunk by its window
    /// start plus <c>.backfill</c>, so re-running the same backfill reuses its run ids and changes nothing.
    /// </summary>
    public string RunId => IsBackfill ? $"{Landing.RunIds.For(WindowStart!.Value)}.backfill" : Landing.RunIds.For(RunTime);
}
