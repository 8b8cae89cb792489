namespace Tributary.Curation;

/// <summary>What one page's observations did to table <c>observations</c>: rows written, and rows that were already so.</summary>
public sealed record ObservationWriteResult(int Written, int Unchanged);
