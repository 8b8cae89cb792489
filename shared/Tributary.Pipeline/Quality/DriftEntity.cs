using Tributary.Storage;

namespace Tributary.Quality;

/// <summary>
/// A row of table <c>drift</c>: one change of a source's payload shape, recorded when first seen.
/// PartitionKey = source, RowKey = <c>{field}|{change}</c>; the example blob is the first page that showed it.
/// </summary>
public sealed record DriftEntity : StoredEntity
{
    public string Source { get; set; } = "";
    public string Field { get; set; } = "";
    public string Change { get; set; } = "";
    public string Expected { get; set; } = "";
    public string Actual { get; set; } = "";
    public DateTimeOffset FirstSeenUtc { get; set; }
    public string ExampleBlob { get; set; } = "";

    public static DriftEntity From(string source, DriftChange change, DateTimeOffset seenUtc, string blob) => new()
    {
        PartitionKey = TableKey.Join(source),
        RowKey = TableKey.Join(KeyOf(change.Field), change.Kind.ToString()),
        Source = source,
        Field = change.Field,
        Change = change.Kind.ToString(),
        Expected = change.Expected,
        Actual = change.Actual,
        FirstSeenUtc = seenUtc,
        ExampleBlob = blob,
    };

    /// <summary>
    /// A field name as a key part. Field names come from vendor payloads and may hold characters keys forbid (or be
    /// long): those are replaced, and a hash of the real name keeps two such names apart. The column keeps the name.
    /// </summary>
    public static string KeyOf(string field)
    {
        var safe = field.Length <= 200 && field.All(IsKeyChar);
        if (safe) return field;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(field)))[..12];
        return $"{new string(field.Take(200).Select(c => IsKeyChar(c) ? c : '_').ToArray())}~{hash}";
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '[' or ']' or '@' or '$';
}
