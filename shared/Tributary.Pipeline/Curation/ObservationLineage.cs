namespace Tributary.Curation;

/// <summary>Where a batch of observations came from: the run and the raw page (name and hash).</summary>
public sealed record ObservationLineage(string RunId, string RawBlob, string RawSha256)
{
    /// <summary>Orders lineages by run, then by page hash, so every comparison has one answer.</summary>
    public int CompareTo(string runId, string sha256)
    {
        var byRun = string.CompareOrdinal(RunId, runId);
        return byRun != 0 ? byRun : string.CompareOrdinal(RawSha256, sha256);
    }
}
