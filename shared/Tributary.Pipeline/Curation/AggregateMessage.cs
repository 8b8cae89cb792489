using System.Text.Json.Serialization;

namespace Tributary.Curation;

/// <summary>Asks the aggregate stage to recompute the KPI buckets of one city on the given UTC days.</summary>
public sealed record AggregateMessage(
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("days")] IReadOnlyList<DateOnly> Days);
