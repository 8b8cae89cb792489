using System.Text.Json;

namespace Tributary.Quality;

/// <summary>
/// Compares a JSON page with its mapper's <see cref="PayloadSchema"/>. Arrays are sampled (the first
/// <see cref="SampleSize"/> elements), which finds a renamed or retyped field on every real page while keeping the
/// check cheap next to the mapping itself.
/// </summary>
public static class JsonDriftDetector
{
    public const int SampleSize = 50;

    public static IReadOnlyList<DriftChange> Detect(JsonElement root, PayloadSchema schema)
    {
        var changes = new List<DriftChange>();
        foreach (var field in schema.Fields)
        {
            var kinds = FieldKinds.None;
            var elements = Resolve(root, field.Path, out var emptyArray);
            foreach (var element in elements) kinds |= KindOf(element);
            if (elements.Count == 0)
            {
                // A field of records is not missing from a page that has no records.
                if (field.Required && !emptyArray) changes.Add(new DriftChange(field.Path, DriftKind.Missing, Describe(field.Kinds), ""));
            }
            else if ((kinds & ~field.Kinds) != FieldKinds.None)
            {
                changes.Add(new DriftChange(field.Path, DriftKind.TypeChanged, Describe(field.Kinds), Describe(kinds)));
            }
        }
        foreach (var closed in schema.Closed)
        {
            var known = schema.Fields.Select(f => f.Path).Where(p => p.StartsWith(closed + ".", StringComparison.Ordinal))
                .Select(p => p[(closed.Length + 1)..].Split('.', '[')[0]).ToHashSet(StringComparer.Ordinal);
            var added = new Dictionary<string, FieldKinds>(StringComparer.Ordinal);
            foreach (var element in Resolve(root, closed, out _).Where(e => e.ValueKind == JsonValueKind.Object))
            {
                foreach (var member in element.EnumerateObject().Where(m => !known.Contains(m.Name)))
                {
                    added[member.Name] = added.GetValueOrDefault(member.Name) | KindOf(member.Value);
                }
            }
            changes.AddRange(added.Select(a => new DriftChange($"{closed}.{a.Key}", DriftKind.Added, "", Describe(a.Value))));
        }
        return changes;
    }

    /// <summary>The elements a path names: <c>[]</c> fans out over (a sample of) an array's elements.</summary>
    /// <param name="emptyArray">Whether the path stopped at an array with no elements.</param>
    private static List<JsonElement> Resolve(JsonElement root, string path, out bool emptyArray)
    {
        emptyArray = false;
        var current = new List<JsonElement> { root };
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var each = step.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? step[..^2] : step;
            var next = new List<JsonElement>();
            foreach (var e in current)
            {
                // A bare "[]" steps into the array itself: a page that is an array of records (a JSON upload).
                if (each && name.Length == 0)
                {
                    if (e.ValueKind == JsonValueKind.Array) next.AddRange(e.EnumerateArray().Take(SampleSize));
                    continue;
                }
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var child)) continue;
                if (!each) next.Add(child);
                else if (child.ValueKind == JsonValueKind.Array) next.AddRange(child.EnumerateArray().Take(SampleSize));
            }
            if (each && next.Count == 0 && current.Count > 0) emptyArray = true;
            current = next;
        }
        return current;
    }

    private static FieldKinds KindOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => FieldKinds.String,
        JsonValueKind.Number => FieldKinds.Number,
        JsonValueKind.True or JsonValueKind.False => FieldKinds.Boolean,
        JsonValueKind.Null => FieldKinds.Null,
        JsonValueKind.Object => FieldKinds.Object,
        JsonValueKind.Array => FieldKinds.Array,
        _ => FieldKinds.None,
    };

    public static string Describe(FieldKinds kinds) =>
        kinds == FieldKinds.None ? "" : string.Join("|", Enum.GetValues<FieldKinds>().Where(k => k != FieldKinds.None && kinds.HasFlag(k)).Select(k => k.ToString().ToLowerInvariant()));
}
