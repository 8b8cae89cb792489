using System.Text.Json.Serialization;

namespace Tributary.Replay;

/// <summary>One UTC day of a replay; also the message on queue <c>replay</c>.</summary>
/// <param name="StartedUtc">When the replay started: it stamps the replayed pages' lineage (<see cref="ReplayLineage"/>).</param>
public sealed record RawReplayDay(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("replayId")] string ReplayId,
    [property: JsonPropertyName("day")] DateOnly Day,
    [property: JsonPropertyName("startedUtc")] DateTimeOffset StartedUtc);
