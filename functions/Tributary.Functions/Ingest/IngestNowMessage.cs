namespace Tributary.Functions.Ingest;

/// <summary>Queue <c>ingest-now</c>: run <paramref name="Source"/> once, for the minute <paramref name="RunTimeUtc"/> (its run id).</summary>
public sealed record IngestNowMessage(string Source, DateTimeOffset RunTimeUtc);
