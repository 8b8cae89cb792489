using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Tributary.Sources.Manifests;

/// <summary>
/// Checks a push source's manifest at start-up: what an upload may be, the named secrets, the webhook's headers and
/// replay window, and that its mapping can read a CSV row (plain column names the header must have). Every problem
/// names its setting (<c>Sources:CityCounters:Push:MaxUploadBytes</c>).
/// </summary>
public static partial class PushSpecValidator
{
    /// <summary>The largest upload a manifest may allow: uploads are held in memory while they are checked.</summary>
    public const long MaxUploadLimit = 64L * 1024 * 1024;

    public const int MaxReplayWindowSeconds = 3600;

    // Parts of a manifest that only a pulled source uses; on a push source they would be silently ignored.
    private static readonly string[] PullOnly = ["BaseUrl", "Schedule", "ScheduleSetting", "Request", "FanOut", "Auth", "Paging", "Window", "RateBudget", "Resilience"];

    public static IEnumerable<string> Validate(string at, SourceManifest m)
    {
        if (m.Push is not { } push)
        {
            yield return $"{at}:Push is required for a source with Kind Push (its media types, key and limits).";
            yield break;
        }
        if (m.Mapping is null) yield return $"{at}:Mapping is required for a push source: it says how an upload's rows become observations.";
        var pat = $"{at}:Push";
        var accepted = push.MediaTypes.Select(t => t.Trim().ToLowerInvariant()).ToList();
        if (push.MediaTypes.Count == 0 && push.Webhook is null) yield return $"{pat}:MediaTypes is empty and there is no Webhook: the source could never receive anything.";
        for (var i = 0; i < accepted.Count; i++)
        {
            if (accepted[i] is not (PushSpec.Csv or PushSpec.Json)) yield return $"{pat}:MediaTypes:{i} '{push.MediaTypes[i]}' must be {PushSpec.Csv} or {PushSpec.Json}.";
        }
        if (accepted.Distinct().Count() != accepted.Count) yield return $"{pat}:MediaTypes lists a media type twice.";
        if (push.MaxUploadBytes is < 1 or > MaxUploadLimit) yield return $"{pat}:MaxUploadBytes {push.MaxUploadBytes} must be 1..{MaxUploadLimit}.";
        if (push.MediaTypes.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(push.KeySecretName)) yield return $"{pat}:KeySecretName (the secret holding the upload key) is required when MediaTypes are accepted.";
            else if (!SecretName().IsMatch(push.KeySecretName)) yield return $"{pat}:KeySecretName '{push.KeySecretName}' must be 1-127 letters, digits or '-' (a Key Vault secret name).";
            if (!SourceManifestValidator.HeaderName().IsMatch(push.KeyHeader)) yield return $"{pat}:KeyHeader '{push.KeyHeader}' is not a valid header name.";
        }
        if (push.Webhook is { } hook)
        {
            var wat = $"{pat}:Webhook";
            if (string.IsNullOrWhiteSpace(hook.SecretName)) yield return $"{wat}:SecretName (the shared HMAC secret) is required.";
            else if (!SecretName().IsMatch(hook.SecretName)) yield return $"{wat}:SecretName '{hook.SecretName}' must be 1-127 letters, digits or '-' (a Key Vault secret name).";
            else if (hook.SecretName == push.KeySecretName) yield return $"{wat}:SecretName must differ from Push:KeySecretName: an upload key must not also sign deliveries.";
            if (!SourceManifestValidator.HeaderName().IsMatch(hook.SignatureHeader)) yield return $"{wat}:SignatureHeader '{hook.SignatureHeader}' is not a valid header name.";
            if (!SourceManifestValidator.HeaderName().IsMatch(hook.TimestampHeader)) yield return $"{wat}:TimestampHeader '{hook.TimestampHeader}' is not a valid header name.";
            if (string.Equals(hook.SignatureHeader, hook.TimestampHeader, StringComparison.OrdinalIgnoreCase)) yield return $"{wat}:SignatureHeader and TimestampHeader must differ.";
            if (hook.ReplayWindowSeconds is < 1 or > MaxReplayWindowSeconds) yield return $"{wat}:ReplayWindowSeconds {hook.ReplayWindowSeconds} must be 1..{MaxReplayWindowSeconds}.";
        }
        if (m.Mapping is not { } mapping) yield break;
        var mat = $"{at}:Mapping";
        if (mapping.Layout != RecordLayout.Rows) yield return $"{mat}:Layout must be Rows for a push source (a CSV row, or a JSON array of row objects, is one record).";
        if (string.IsNullOrWhiteSpace(mapping.Location.CityField)) yield return $"{mat}:Location:CityField is required for a push source: each row names its city.";
        if (mapping.Location.From == LocationSource.Item) yield return $"{mat}:Location:From Item needs a fan-out, which a push source has not: use City or Fields.";
        if (mapping.Time.Convention == TimeConvention.OffsetField) yield return $"{mat}:Time:Convention OffsetField reads a page-wide field, which an upload has not: use Utc, Offset, Local or UnixSeconds.";
        if (!accepted.Contains(PushSpec.Csv))
        {
            if (push.Columns.Count > 0) yield return $"{pat}:Columns are only read from CSV uploads, and MediaTypes does not list {PushSpec.Csv}.";
            yield break;
        }
        foreach (var problem in CsvColumns(pat, mat, push.Columns, mapping)) yield return problem;
    }

    /// <summary>A push source's section must not carry a pulled source's parts (a request, a schedule, paging, ...).</summary>
    public static IEnumerable<string> PullOnlySettings(IConfigurationSection section, SourceManifest manifest)
    {
        if (manifest.Kind != SourceKind.Push) yield break;
        foreach (var name in PullOnly.Where(n => section.GetSection(n).Exists()))
        {
            yield return $"Sources:{section.Key}:{name} does not apply to a push source (Kind Push): nothing is requested or scheduled.";
        }
    }

    private static IEnumerable<string> CsvColumns(string pat, string mat, List<string> columns, MappingSpec mapping)
    {
        if (columns.Count == 0)
        {
            yield return $"{pat}:Columns is empty: list the header names a CSV upload must have.";
            yield break;
        }
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(columns[i]) || columns[i] != columns[i].Trim()) yield return $"{pat}:Columns:{i} '{columns[i]}' must be a non-blank header name without outer spaces.";
        }
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count) yield return $"{pat}:Columns lists a header name twice.";
        var known = columns.ToHashSet(StringComparer.Ordinal);
        var fields = new List<(string Setting, string? Field)>
        {
            ("Time:Field", mapping.Time.Field),
            ("Location:CityField", mapping.Location.CityField),
            ("Location:IdField", mapping.Location.From == LocationSource.Fields ? mapping.Location.IdField : null),
            ("Location:LatitudeField", mapping.Location.From == LocationSource.Fields ? mapping.Location.LatitudeField : null),
            ("Location:LongitudeField", mapping.Location.From == LocationSource.Fields ? mapping.Location.LongitudeField : null),
        };
        fields.AddRange(mapping.Values.Select((v, i) => ($"Values:{i}:Field", (string?)v.Field)));
        fields.AddRange(mapping.Flags.Select((f, i) => ($"Flags:{i}:Field", (string?)f.Field)));
        foreach (var (setting, field) in fields)
        {
            if (string.IsNullOrEmpty(field)) continue;
            if (!known.Contains(field)) yield return $"{mat}:{setting} '{field}' is not one of Push:Columns ({string.Join(", ", columns)}), so a CSV row would never have it.";
        }
        for (var i = 0; i < mapping.Values.Count; i++)
        {
            if (mapping.Values[i].UnitField is not null) yield return $"{mat}:Values:{i}:UnitField reads a page-wide field, which a CSV upload has not: declare VendorUnit.";
        }
    }

    // Key Vault secret names: 1-127 alphanumerics and dashes.
    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$")]
    private static partial Regex SecretName();
}
