namespace Tributary.Replay;

/// <summary>A landed blob a replay did not queue, and why (so nothing is left out silently).</summary>
public sealed record SkippedBlob(string Blob, string Reason);
