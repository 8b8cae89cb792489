using System.Globalization;
using System.Text.Json;

namespace Tributary.Sources;

/// <summary>Reading helpers shared by the JSON mappers: a page either parses or is quarantined as a whole.</summary>
internal static class JsonPayload
{
    /// <exception cref="MalformedPayloadException">The bytes are not one JSON document.</exception>
    public static JsonDocument Parse(Stream payload, RawPageContext context)
    {
        try
        {
            return JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            throw new MalformedPayloadException($"Page '{context.BlobName}' is not JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Maps one JSON record to an observation, or says why it cannot.</summary>
    public delegate Curation.Observation? RecordMapper(JsonElement record, out string? reason);

    /// <summary>
    /// Maps every record of an array; a record that cannot be mapped is rejected with its locator
    /// (<c>{path}[i]</c>), its reason and its raw JSON, and the others are kept.
    /// </summary>
    public static List<Curation.Observation> MapEach(JsonElement records, string path, List<Curation.RejectedRecord> rejected, RecordMapper map)
    {
        var observations = new List<Curation.Observation>(records.GetArrayLength());
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var locator = $"{path}[{index++}]";
            if (map(record, out var reason) is { } observation) observations.Add(observation);
            else rejected.Add(new Curation.RejectedRecord(locator, reason!, record.GetRawText()));
        }
        return observations;
    }

    /// <summary>The property when present and of the wanted kind; otherwise null.</summary>
    public static JsonElement? Get(this JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind ? value : null;

    public static string? String(this JsonElement element, string name) => element.Get(name, JsonValueKind.String)?.GetString();

    public static bool Flag(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static double? Number(this JsonElement element, string name) =>
        element.Get(name, JsonValueKind.Number) is { } n && n.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;

    /// <summary>An ISO-8601 instant WITH an offset (or <c>Z</c>), converted to UTC; a time without one is refused, never read in the machine's zone.</summary>
    public static DateTimeOffset? Instant(string? text)
    {
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return null;
        }
        // DateTimeOffset.TryParse assumes the local zone when the text has no offset; such a time is ambiguous here.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset ? value.ToUniversalTime() : null;
    }
}
