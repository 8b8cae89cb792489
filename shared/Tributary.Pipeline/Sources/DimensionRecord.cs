namespace Tributary.Sources;

/// <summary>
/// A row of a dimension (reference data that observations join to), e.g. a GTFS stop with its coordinates, parent
/// station and city. Stored in table <c>dimensions</c> (PartitionKey = kind, RowKey = id).
/// </summary>
/// <param name="Kind">The dimension, e.g. <c>stop</c>.</param>
/// <param name="Id">The member's id, e.g. <c>NSR:Quay:1001</c>.</param>
public sealed record DimensionRecord(string Kind, string Id, IReadOnlyDictionary<string, string?> Attributes);
