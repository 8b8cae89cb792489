using System.Globalization;
using Tributary.Replay;
using Tributary.Sources.Manifests;

namespace Tributary.Query.Raw;

/// <summary>
/// A name asked for as a raw payload, checked to be a landed page's name before any storage call:
/// <c>{source}/{yyyy}/{MM}/{dd}/{runId}/{page}.{json|csv|zip|xml|txt}</c> (<see cref="Landing.RawPayloadStore.BlobName"/>)
/// of a known source, whose page key the source's manifest can place (<see cref="PageOrigin.Resolve"/>). Only
/// ASCII letters, digits and <c>- . _ :</c> between the slashes, so <c>..</c>, backslashes, percent-encodings
/// (an encoded slash reaches the route as <c>%2F</c>), other containers and quarantine names never get through.
/// </summary>
public sealed record RawBlobName(string Name, string Source, DateOnly Day, string MediaType)
{
    public const int MaxLength = 1024;

    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.Ordinal)
    {
        [".json"] = "application/json",
        [".csv"] = "text/csv",
        [".zip"] = "application/zip",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain",
    };

    /// <exception cref="KpiQueryException">The name is not of a landed page's form (400).</exception>
    /// <exception cref="QueryNotFoundException">The form is right but no source or page of it can exist (404).</exception>
    public static RawBlobName Parse(string? name, SourceManifests manifests)
    {
        const string form = "{source}/{yyyy}/{MM}/{dd}/{runId}/{page}.{json|csv|zip|xml|txt}";
        if (string.IsNullOrEmpty(name)) throw new KpiQueryException("blob", $"A raw payload's name is required: {form}.");
        if (name.Length > MaxLength) throw new KpiQueryException("blob", $"The blob name is longer than {MaxLength} characters.");
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':' or '/'))
        {
            throw new KpiQueryException("blob", $"'{QueryText.Shorten(name)}' is not a raw page's name: only letters, digits, '-', '.', '_', ':' and '/' between parts ({form}).");
        }
        var parts = name.Split('/');
        if (parts.Length != 6 || parts.Any(p => p.Length == 0 || p.All(c => c == '.')))
        {
            throw new KpiQueryException("blob", $"'{QueryText.Shorten(name)}' is not a raw page's name ({form}).");
        }
        if (!DateOnly.TryParseExact($"{parts[1]}-{parts[2]}-{parts[3]}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new KpiQueryException("blob", $"'{QueryText.Shorten(name)}' has no UTC landing day yyyy/MM/dd after its source ({form}).");
        }
        var extension = Path.GetExtension(parts[5]);
        if (!MediaTypes.TryGetValue(extension, out var mediaType))
        {
            throw new KpiQueryException("blob", $"'{QueryText.Shorten(name)}' does not end in one of {string.Join(", ", MediaTypes.Keys)}.");
        }
        var manifest = manifests.ByKey.Values.FirstOrDefault(m => m.Id == parts[0])
            ?? throw new QueryNotFoundException("blob", $"No source '{QueryText.Shorten(parts[0])}' lands raw pages. Sources: {string.Join(", ", manifests.ByKey.Values.Select(m => m.Id).Order(StringComparer.Ordinal))}.");
        if (PageOrigin.Resolve(name, LandedPages.DayPrefix(manifest.Id, day), manifest, out var reason) is null)
        {
            throw new QueryNotFoundException("blob", $"'{QueryText.Shorten(name)}' is no page source '{manifest.Id}' lands: {reason}.");
        }
        return new RawBlobName(name, manifest.Id, day, mediaType);
    }
}
