namespace Tributary.Tests.EndToEnd;

/// <summary>What a run left in storage: each table's rows (and the quarantine's blobs) as text, in key order.</summary>
public sealed record StorageContent(IReadOnlyDictionary<string, IReadOnlyList<string>> Tables)
{
    private const int RowsShown = 5;

    private static string Key(string row) => row.Split(' ', 2)[0];

    public int Rows(string table) => Tables.TryGetValue(table, out var rows) ? rows.Count : 0;

    /// <summary>Where <paramref name="other"/> differs from this content, as lines for an assertion message; empty when equal.</summary>
    public IReadOnlyList<string> Differences(StorageContent other)
    {
        var lines = new List<string>();
        foreach (var table in Tables.Keys.Union(other.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var mine = Tables.GetValueOrDefault(table) ?? [];
            var theirs = other.Tables.GetValueOrDefault(table) ?? [];
            if (mine.SequenceEqual(theirs)) continue;
            var missing = mine.Except(theirs).ToList();
            var extra = theirs.Except(mine).ToList();
            lines.Add($"{table}: {mine.Count} rows expected, {theirs.Count} found; {missing.Count} missing or different, {extra.Count} unexpected");
            lines.AddRange(missing.Take(RowsShown).Select(r => $"  expected: {r}"));
            lines.AddRange(extra.Take(RowsShown).Select(r => $"  found:    {r}"));
            if (missing.Count > RowsShown) lines.Add($"  keys of all expected: {string.Join(", ", missing.Select(Key))}");
            if (extra.Count > RowsShown) lines.Add($"  keys of all found: {string.Join(", ", extra.Select(Key))}");
        }
        return lines;
    }
}
