namespace Tributary.Replay;

/// <summary>What a replay request did: <paramref name="Started"/> is false when it joined a replay already under way or done.</summary>
public sealed record RawReplayOutcome(RawReplayStatus Status, bool Started);
