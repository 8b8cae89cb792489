namespace Tributary.Replay;

/// <summary>
/// A replay as requested; one row per source and replay id in table <c>replays</c>. <see cref="ClaimedUtc"/> is
/// when whoever queues its days last showed life, so a claim whose owner died can be taken over.
/// </summary>
/// <param name="Dispatched">Every day has been queued (or, from the command line, run).</param>
public sealed record RawReplayRecord(
    string Source,
    string Id,
    DateOnly From,
    DateOnly To,
    int Generation,
    int DaysTotal,
    DateTimeOffset StartedUtc,
    DateTimeOffset ClaimedUtc,
    bool Dispatched);
