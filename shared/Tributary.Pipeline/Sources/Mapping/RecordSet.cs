using System.Text.Json;
using Tributary.Sources.Manifests;
using Tributary.Sources.Paging;

namespace Tributary.Sources.Mapping;

/// <summary>The records of one page, whichever way the payload lays them out, addressed by index and field.</summary>
internal abstract class RecordSet
{
    public abstract int Count { get; }

    /// <summary>The field of record <paramref name="index"/>, or null when the payload does not have it.</summary>
    public abstract JsonElement? Get(int index, string field);

    /// <summary>False when the whole field is absent from the page (a column that is not there).</summary>
    public abstract bool Has(string field);

    /// <summary>Where a cell is, for reject records: <c>hourly.temperature_2m[3]</c> or <c>results[3].value</c>.</summary>
    public abstract string Locator(int index, string field);

    /// <summary>Where a field is as a whole: <c>hourly.temperature_2m</c> or <c>results[].value</c>.</summary>
    public abstract string FieldLocator(string field);

    /// <summary>Why record <paramref name="index"/> cannot be read at all (a malformed CSV row), or null.</summary>
    public virtual string? Problem(int index) => null;

    /// <summary>Where a whole record is, for a record rejected as a whole.</summary>
    public virtual string RecordLocator(int index) => $"[{index}]";

    /// <summary>The record's raw text, for a record rejected as a whole.</summary>
    public virtual string? RawRecord(int index) => null;

    /// <exception cref="MalformedPayloadException">The records are not where, or not what, the mapping says.</exception>
    public static RecordSet Open(JsonElement root, MappingSpec spec, RawPageContext context)
    {
        var records = JsonPath.Find(root, spec.Records);
        var name = spec.Records.Length == 0 ? "the page" : $"'{spec.Records}'";
        if (spec.Layout == RecordLayout.Columns)
        {
            if (records is not { ValueKind: JsonValueKind.Object } columns)
            {
                throw new MalformedPayloadException(root.ValueKind == JsonValueKind.Object
                    ? $"Page '{context.BlobName}' has no '{Prefix(spec.Records)}{spec.Time.Field}' array."
                    : $"Page '{context.BlobName}' is a JSON {root.ValueKind}, expected one location object.");
            }
            return new ColumnRecords(columns, spec.Records, spec.Time.Field, context);
        }
        return records is { ValueKind: JsonValueKind.Array } rows
            ? new RowRecords(rows, spec.Records)
            : throw new MalformedPayloadException($"Page '{context.BlobName}': {name} is not an array of records.");
    }

    private static string Prefix(string path) => path.Length == 0 ? "" : path + ".";

    private sealed class ColumnRecords : RecordSet
    {
        private readonly JsonElement _columns;
        private readonly string _prefix;
        private readonly Dictionary<string, JsonElement[]?> _cache = new(StringComparer.Ordinal);
        private readonly RawPageContext _context;

        public ColumnRecords(JsonElement columns, string path, string timeField, RawPageContext context)
        {
            (_columns, _prefix, _context) = (columns, Prefix(path), context);
            Count = Column(timeField)?.Length
                ?? throw new MalformedPayloadException($"Page '{context.BlobName}' has no '{_prefix}{timeField}' array.");
        }

        public override int Count { get; }

        public override JsonElement? Get(int index, string field) => Column(field) is { } column ? column[index] : null;

        public override bool Has(string field) => Column(field) is not null;

        public override string Locator(int index, string field) => $"{_prefix}{field}[{index}]";

        public override string FieldLocator(string field) => _prefix + field;

        // Materialised once per column: indexing a JsonElement array is not constant-time in general.
        private JsonElement[]? Column(string field)
        {
            if (_cache.TryGetValue(field, out var cached)) return cached;
            var column = JsonPath.Find(_columns, field) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToArray() : null;
            if (column is not null && _cache.Count > 0 && column.Length != Count)
            {
                throw new MalformedPayloadException($"Page '{_context.BlobName}': {_prefix}{field} has {column.Length} values for {Count} times.");
            }
            return _cache[field] = column;
        }
    }

    private sealed class RowRecords(JsonElement rows, string path) : RecordSet
    {
        private readonly JsonElement[] _rows = rows.EnumerateArray().ToArray();

        public override int Count => _rows.Length;

        public override JsonElement? Get(int index, string field) => JsonPath.Find(_rows[index], field);

        public override bool Has(string field) => true;

        public override string Locator(int index, string field) => $"{path}[{index}].{field}";

        public override string FieldLocator(string field) => $"{path}[].{field}";
    }
}
