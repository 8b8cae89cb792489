using System.Text.Json;

namespace Tributary.Sources.Paging;

/// <summary>Dotted paths into a JSON page (<c>meta.next</c>, <c>data.stopPlace.estimatedCalls</c>); no wildcards.</summary>
public static class JsonPath
{
    public static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
        }
        return current;
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
