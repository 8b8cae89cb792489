namespace Tributary.Backfill;

/// <summary>Progress of a backfill: each chunk with the outcome of its run, or <c>Pending</c> while it has none.</summary>
public sealed record BackfillStatus(string Source, DateTimeOffset From, DateTimeOffset To, int Done, int Failed, int Total, IReadOnlyList<BackfillChunkStatus> Chunks);

public sealed record BackfillChunkStatus(string RunId, DateTimeOffset From, DateTimeOffset To, string Outcome, int Pages, long Bytes, string? Error);
