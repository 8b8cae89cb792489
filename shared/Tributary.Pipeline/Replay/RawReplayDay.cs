using System.Text.Json.Serialization;

namespace Tributary.Replay;

/// <summary>One UTC day of a replay; also the message on queue <c>replay</c>.</summary>
public sealed record RawReplayDay(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("replayId")] string ReplayId,
    [property: JsonPropertyName("day")] DateOnly Day);
