using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tributary.Configuration;
using Tributary.Marts;
using static Tributary.Query.QueryText;

namespace Tributary.Views;

/// <summary>
/// Reads a view from a request body, field by field: every problem names its field (<c>kpis[1]</c>,
/// <c>range.from</c>, <c>options.chart</c>), unknown fields are refused rather than dropped, and every value is
/// bounded, so a view cannot carry more than a dashboard state. Values echoed in messages are cut short.
/// </summary>
public sealed partial class ViewDraftReader(KpiCatalog catalog, IOptions<TributaryOptions> options)
{
    /// <summary>The largest body accepted: a view with every KPI, city and option fits in a few kilobytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxNameLength = 80;
    public const int MaxOptions = 16;
    public const int MaxOptionValueLength = 200;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "name", "kpis", "cities", "stop", "grain", "range", "options" };
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 8, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public ViewDraft Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Parsing);
        }
        catch (JsonException ex)
        {
            throw new ViewValidationException("body", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ViewValidationException("body", $"The body must be a JSON object, not {Kind(root)}.");
            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                {
                    throw new ViewValidationException(Shorten(property.Name), $"Unknown field '{Shorten(property.Name)}'. A view has: {string.Join(", ", Fields)}.");
                }
            }
            if (root.EnumerateObject().GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ViewValidationException(twice.Key, $"Field '{twice.Key}' is given more than once.");
            }

            var name = ReadName(root);
            var kpis = ReadKpis(root);
            var cities = ReadCities(root);
            var grain = ReadGrain(root, kpis);
            var stop = ReadStop(root, kpis, cities);
            var range = ReadRange(root);
            var uiOptions = ReadOptions(root);
            return new ViewDraft(name, [.. kpis.Select(k => k.Id)], cities, stop, grain.Name(), range, uiOptions);
        }
    }

    private static string ReadName(JsonElement root)
    {
        if (!root.TryGetProperty("name", out var value)) throw new ViewValidationException("name", "'name' is required.");
        if (value.ValueKind != JsonValueKind.String) throw new ViewValidationException("name", $"'name' must be a string, not {Kind(value)}.");
        var name = value.GetString()!.Trim();
        if (name.Length == 0) throw new ViewValidationException("name", "'name' must not be empty.");
        if (name.Length > MaxNameLength) throw new ViewValidationException("name", $"'name' is {name.Length} characters long; at most {MaxNameLength} are allowed.");
        if (name.Any(char.IsControl)) throw new ViewValidationException("name", "'name' must not contain control characters.");
        return name;
    }

    private List<KpiDefinition> ReadKpis(JsonElement root)
    {
        if (!root.TryGetProperty("kpis", out var value)) throw new ViewValidationException("kpis", "'kpis' is required: a list of KPI ids from /api/catalog.");
        var ids = Strings(value, "kpis", catalog.All.Count);
        if (ids.Count == 0) throw new ViewValidationException("kpis", "'kpis' must name at least one KPI.");
        var kpis = new List<KpiDefinition>();
        for (var i = 0; i < ids.Count; i++)
        {
            var kpi = catalog.Find(ids[i]) ?? throw new ViewValidationException($"kpis[{i}]",
                $"Unknown KPI '{Shorten(ids[i])}'. Known KPIs: {string.Join(", ", catalog.All.Select(k => k.Id))}.");
            if (kpis.Contains(kpi)) throw new ViewValidationException($"kpis[{i}]", $"KPI '{kpi.Id}' is listed twice.");
            kpis.Add(kpi);
        }
        return kpis;
    }

    private List<string> ReadCities(JsonElement root)
    {
        var known = options.Value.EffectiveCities;
        if (!root.TryGetProperty("cities", out var value) || value.ValueKind == JsonValueKind.Null) return [];
        var ids = Strings(value, "cities", known.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (known.All(c => c.Id != ids[i]))
            {
                throw new ViewValidationException($"cities[{i}]", $"Unknown city '{Shorten(ids[i])}'. Known cities: {string.Join(", ", known.Select(c => c.Id))}.");
            }
            if (ids.IndexOf(ids[i]) != i) throw new ViewValidationException($"cities[{i}]", $"City '{ids[i]}' is listed twice.");
        }
        return ids;
    }

    private static KpiGrain ReadGrain(JsonElement root, List<KpiDefinition> kpis)
    {
        if (!root.TryGetProperty("grain", out var value) || value.ValueKind == JsonValueKind.Null) return KpiGrain.Hour;
        if (value.ValueKind != JsonValueKind.String || KpiGrains.Parse(value.GetString()) is not { } grain)
        {
            throw new ViewValidationException("grain", $"'grain' must be 'hour' or 'day', not {Describe(value)}.");
        }
        if (kpis.FirstOrDefault(k => !k.Grains.Contains(grain)) is { } without)
        {
            throw new ViewValidationException("grain", $"KPI '{without.Id}' has no grain '{grain.Name()}'.");
        }
        return grain;
    }

    private static string? ReadStop(JsonElement root, List<KpiDefinition> kpis, List<string> cities)
    {
        if (!root.TryGetProperty("stop", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String || !StopPattern().IsMatch(value.GetString()!))
        {
            throw new ViewValidationException("stop", $"'stop' must be a stop place id such as NSR:StopPlace:58366, not {Describe(value)}.");
        }
        if (kpis.FirstOrDefault(k => !k.Dimensions.Contains(KpiDimension.StopPlace)) is { } cityOnly)
        {
            throw new ViewValidationException("stop", $"KPI '{cityOnly.Id}' is computed per city only, not per stop place.");
        }
        if (cities.Count != 1) throw new ViewValidationException("cities", "With 'stop', name exactly the one city the stop place is in.");
        return value.GetString();
    }

    private ViewRange ReadRange(JsonElement root)
    {
        if (!root.TryGetProperty("range", out var value)) throw new ViewValidationException("range", "'range' is required: {\"preset\": \"last-7d\"} or {\"from\": …, \"to\": …}.");
        if (value.ValueKind != JsonValueKind.Object) throw new ViewValidationException("range", $"'range' must be an object, not {Kind(value)}.");
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is not ("preset" or "from" or "to"))
            {
                throw new ViewValidationException($"range.{Shorten(property.Name)}", $"Unknown field 'range.{Shorten(property.Name)}'. A range has 'preset', or 'from' and 'to'.");
            }
        }
        // A null member is an absent one: views are read back as {"from": null, "to": null, "preset": "last-7d"}
        // (the documented shape), and a client must be able to send that shape back.
        var hasPreset = value.TryGetProperty("preset", out var preset) && preset.ValueKind != JsonValueKind.Null;
        var hasFrom = value.TryGetProperty("from", out var from) && from.ValueKind != JsonValueKind.Null;
        var hasTo = value.TryGetProperty("to", out var to) && to.ValueKind != JsonValueKind.Null;
        if (hasPreset)
        {
            if (hasFrom || hasTo) throw new ViewValidationException("range", "'range' has either 'preset' or 'from' and 'to', not both.");
            if (preset.ValueKind != JsonValueKind.String || !ViewRange.Presets.Contains(preset.GetString()))
            {
                throw new ViewValidationException("range.preset", $"'range.preset' must be one of {string.Join(", ", ViewRange.Presets)}, not {Describe(preset)}.");
            }
            return new ViewRange(null, null, preset.GetString());
        }
        if (!hasFrom) throw new ViewValidationException("range.from", "'range.from' is required when no 'range.preset' is given.");
        if (!hasTo) throw new ViewValidationException("range.to", "'range.to' is required when no 'range.preset' is given.");
        var start = Instant(from, "range.from");
        var end = Instant(to, "range.to");
        if (end <= start) throw new ViewValidationException("range.to", $"'range.to' ({end:O}) must be after 'range.from' ({start:O}).");
        var maxDays = options.Value.MaxQueryDays;
        if (end - start > TimeSpan.FromDays(maxDays)) throw new ViewValidationException("range.to", $"The range is longer than the limit of {maxDays} days.");
        return new ViewRange(start, end, null);
    }

    private static Dictionary<string, string> ReadOptions(JsonElement root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("options", out var value) || value.ValueKind == JsonValueKind.Null) return result;
        if (value.ValueKind != JsonValueKind.Object) throw new ViewValidationException("options", $"'options' must be an object, not {Kind(value)}.");
        foreach (var property in value.EnumerateObject())
        {
            var at = $"options.{Shorten(property.Name)}";
            if (!OptionNamePattern().IsMatch(property.Name))
            {
                throw new ViewValidationException(at, $"Option name '{Shorten(property.Name)}' must be 1-32 letters, digits, '_' or '-', starting with a letter.");
            }
            if (result.Count == MaxOptions) throw new ViewValidationException("options", $"'options' has more than {MaxOptions} entries.");
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => throw new ViewValidationException(at, $"'{at}' must be a string, number or boolean, not {Kind(property.Value)}."),
            };
            if (text.Length > MaxOptionValueLength) throw new ViewValidationException(at, $"'{at}' is longer than {MaxOptionValueLength} characters.");
            if (text.Any(char.IsControl)) throw new ViewValidationException(at, $"'{at}' must not contain control characters.");
            if (!result.TryAdd(property.Name, text)) throw new ViewValidationException(at, $"Option '{property.Name}' is given more than once.");
        }
        return result;
    }

    private static List<string> Strings(JsonElement value, string field, int max)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new ViewValidationException(field, $"'{field}' must be an array of strings, not {Kind(value)}.");
        if (value.GetArrayLength() > max) throw new ViewValidationException(field, $"'{field}' has {value.GetArrayLength()} entries; at most {max} can be distinct.");
        var list = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new ViewValidationException($"{field}[{i}]", $"'{field}[{i}]' must be a string, not {Kind(item)}.");
            list.Add(item.GetString()!);
            i++;
        }
        return list;
    }

    private static DateTimeOffset Instant(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String ||
            !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            throw new ViewValidationException(field, $"'{field}' must be an ISO-8601 date-time such as 2026-11-21T00:00:00Z, not {Describe(value)}.");
        }
        if (instant < Earliest || instant > Latest)
        {
            throw new ViewValidationException(field, $"'{field}' must lie between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}, not {instant:O}.");
        }
        return instant.ToUniversalTime();
    }

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Describe(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{Shorten(value.GetString())}'" : Kind(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}$")]
    private static partial Regex StopPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex OptionNamePattern();
}
