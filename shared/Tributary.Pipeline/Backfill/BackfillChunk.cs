using System.Text.Json.Serialization;

namespace Tributary.Backfill;

/// <summary>One window of a backfill; also the message on queue <c>backfill</c>.</summary>
public sealed record BackfillChunk(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("from")] DateTimeOffset From,
    [property: JsonPropertyName("to")] DateTimeOffset To)
{
    [JsonIgnore]
    public string RunId => new Sources.SourceRun(From, From, To).RunId;
}
