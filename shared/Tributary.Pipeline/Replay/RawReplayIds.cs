using System.Globalization;
using System.Text.RegularExpressions;

namespace Tributary.Replay;

/// <summary>
/// Replay ids are <c>{from:yyyyMMdd}-{to:yyyyMMdd}-g{generation}</c>: derived from the request, never random, so the
/// same request is the same replay (a repeated POST joins it instead of queueing the range twice), and running a
/// range again after a change is a new generation beside the old one, whose progress stays readable.
/// </summary>
public static partial class RawReplayIds
{
    public static string For(DateOnly from, DateOnly to, int generation) =>
        string.Create(CultureInfo.InvariantCulture, $"{RangePrefix(from, to)}{generation}");

    /// <summary>What every generation's id of one range starts with.</summary>
    public static string RangePrefix(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{from:yyyyMMdd}-{to:yyyyMMdd}-g");

    public static bool TryParse(string? id, out DateOnly from, out DateOnly to, out int generation)
    {
        (from, to, generation) = (default, default, 0);
        if (id is null || IdPattern().Match(id) is not { Success: true } match) return false;
        return DateOnly.TryParseExact(match.Groups["from"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from)
               && DateOnly.TryParseExact(match.Groups["to"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to)
               && int.TryParse(match.Groups["generation"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out generation);
    }

    [GeneratedRegex(@"^(?<from>\d{8})-(?<to>\d{8})-g(?<generation>[1-9]\d{0,3})$")]
    private static partial Regex IdPattern();
}
