namespace Tributary.Curation;

/// <summary>Where a batch of observations came from: the run and the raw page (name and hash).</summary>
public sealed record ObservationLineage(string RunId, string RawBlob, string RawSha256)
{
    /// <summary>
    /// Orders two lineages so that the newer run wins, and a tie (two versions of one page) is broken by hash:
    /// the outcome depends only on the set of pages seen, never on the order they were processed in.
    /// </summary>
    public int CompareTo(string runId, string sha256)
    {
        var byRun = string.CompareOrdinal(RunId, runId);
        return byRun != 0 ? byRun : string.CompareOrdinal(RawSha256, sha256);
    }
}
