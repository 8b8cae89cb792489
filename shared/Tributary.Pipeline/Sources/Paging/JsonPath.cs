using System.Text.Json;

namespace Tributary.Sources.Paging;

/// <summary>
/// Dotted paths into a JSON page (<c>meta.next</c>, <c>data.stopPlace.estimatedCalls</c>), optionally written with
/// the JSONPath root <c>$.</c>; no wildcards or indexes. An empty path (or <c>$</c>) is the element itself.
/// </summary>
public static class JsonPath
{
    public static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in Parts(path))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
        }
        return current;
    }

    /// <summary>The property names of a path, without the optional <c>$</c> root.</summary>
    public static string[] Parts(string path)
    {
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && parts[0] == "$" ? parts[1..] : parts;
    }

    public static string? String(JsonElement root, string path) => Find(root, path) is { } e
        ? e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        }
        : null;
}
