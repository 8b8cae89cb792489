using System.Globalization;

namespace Tributary.Replay;

/// <summary>
/// The run id a replayed page is curated under: the landing run's id with <c>.replay-{replay start, UTC, ms}</c>.
/// The observation store keeps a differing measurement only from a lineage that sorts after the stored one (so a
/// late copy of an older run never overwrites a newer run), and the same page with the same run id is the same
/// lineage: re-curated as landed, a mapper fix would be refused. The suffix sorts just after its own run (and after
/// every earlier replay of it) yet before any later run, so a replay rewrites exactly the rows whose values change
/// and nothing else; unchanged rows keep their original lineage. Mappers read the run time from the first 14
/// characters, which the suffix leaves as they are (as <c>.backfill</c> does).
/// </summary>
public static class ReplayLineage
{
    public const string Marker = ".replay-";

    public static string RunId(string landedRunId, DateTimeOffset replayStartedUtc) =>
        landedRunId + Marker + replayStartedUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
}
