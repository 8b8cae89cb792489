using System.Text.Json.Serialization;

namespace Tributary.Landing;

/// <summary>
/// Asks the curate stage to process one landed page. Property names avoid the queue trigger's own metadata keys
/// (Id, DequeueCount, PopReceipt...), which top-level message properties would otherwise shadow.
/// </summary>
public sealed record CurateMessage(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("blob")] string Blob,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("item")] string? Item = null);
