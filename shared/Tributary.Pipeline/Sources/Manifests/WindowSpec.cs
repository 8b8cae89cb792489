namespace Tributary.Sources.Manifests;

/// <summary>
/// The time window a run asks for, in whole hours around the run time (UTC, floored to the hour):
/// [run − <see cref="LookbackHours"/>, run + <see cref="AheadHours"/>). With <see cref="Incremental"/>, the start is
/// the watermark persisted by the last successful run (less <see cref="OverlapHours"/> for late data), but never
/// earlier than run − <see cref="MaxLookbackHours"/>, so a long outage does not turn into an unbounded backfill.
/// </summary>
public sealed class WindowSpec
{
    public int LookbackHours { get; set; } = 24;

    public int AheadHours { get; set; }

    public bool Incremental { get; set; }

    public int OverlapHours { get; set; } = 2;

    public int MaxLookbackHours { get; set; } = 24 * 7;
}
