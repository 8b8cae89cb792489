using System.Text.RegularExpressions;
using Tributary.Sources.Manifests;

namespace Tributary.Replay;

/// <summary>
/// Recovers what a curate message says besides the blob (run id, city, fan-out item) from a landed blob's name
/// <c>{source}/{yyyy}/{MM}/{dd}/{runId}/{pageKey}.{ext}</c> and the source's manifest. The page key is the fan-out
/// target's key, with <c>.p{n}</c> from the second page on (as the connector names pages): a city id when the
/// manifest fans out over cities, an item id made key-safe when it fans out over items, <c>all</c> otherwise.
/// </summary>
public static partial class PageOrigin
{
    /// <summary>The run id, city and item of a page; or a reason it cannot be told, when the name or manifest does not say.</summary>
    public static (string RunId, string? City, string? Item)? Resolve(string blobName, string dayPrefix, SourceManifest? manifest, out string? reason)
    {
        reason = null;
        var rest = blobName.StartsWith(dayPrefix, StringComparison.Ordinal) ? blobName[dayPrefix.Length..] : "";
        var parts = rest.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || Path.GetFileNameWithoutExtension(parts[1]) is not { Length: > 0 } pageKey)
        {
            reason = $"the name is not {dayPrefix}{{runId}}/{{page}}.{{ext}}, as landed pages are named";
            return null;
        }
        var runId = parts[0];
        var fanOut = manifest?.FanOut ?? new FanOutSpec();
        switch (fanOut.Over)
        {
            case FanOutKind.Cities:
                return (runId, TargetKey(pageKey), null);
            case FanOutKind.Items:
                var target = TargetKey(pageKey);
                if ((fanOut.Items.FirstOrDefault(i => SafeKey(i.Id) == pageKey) ?? fanOut.Items.FirstOrDefault(i => SafeKey(i.Id) == target)) is { } item)
                {
                    return (runId, item.City, item.Id);
                }
                reason = $"page '{pageKey}' matches no item of the manifest's FanOut (was the item removed?)";
                return null;
            default:
                return (runId, null, null);
        }
    }

    /// <summary>The fan-out target's key: the page key without the page number the second and later pages carry.</summary>
    private static string TargetKey(string pageKey) => PageNumberSuffix().Replace(pageKey, "");

    // The connector's key for an item id (ManifestConnector): ASCII letters, digits and '-', '.', '_', ':' kept, the rest '-'.
    private static string SafeKey(string id) => string.Concat(id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_' or ':' ? ch : '-'));

    [GeneratedRegex(@"\.p\d+$")]
    private static partial Regex PageNumberSuffix();
}
