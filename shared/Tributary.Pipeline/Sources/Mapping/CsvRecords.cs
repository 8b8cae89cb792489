using System.Globalization;
using System.Text.Json;

namespace Tributary.Sources.Mapping;

/// <summary>
/// The rows of a CSV upload as records whose fields are its columns, so the declarative mapping reads them as it reads
/// JSON rows: an empty cell is null (a missing value), a cell that is an invariant-culture number is a number, and
/// anything else is text (times, city ids, or a value that is not a number, rejected with its reason).
/// </summary>
internal sealed class CsvRecords : RecordSet
{
    private readonly CsvTable _table;
    private readonly Dictionary<string, int> _columns;

    public CsvRecords(CsvTable table)
    {
        _table = table;
        _columns = table.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
    }

    public override int Count => _table.Rows.Count;

    public override JsonElement? Get(int index, string field)
    {
        var row = _table.Rows[index];
        if (!_columns.TryGetValue(field, out var column) || column >= row.Cells.Length) return null;
        return Cell(row.Cells[column]);
    }

    public override bool Has(string field) => _columns.ContainsKey(field);

    public override string? Problem(int index) => _table.Rows[index].Problem;

    public override string? RawRecord(int index) => _table.Rows[index].RawText;

    public override string Locator(int index, string field) => $"line {_table.Rows[index].Line}:{field}";

    public override string RecordLocator(int index) => $"line {_table.Rows[index].Line}";

    public override string FieldLocator(string field) => $"column {field}";

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    private static JsonElement Cell(string text) =>
        text.Length == 0 ? Null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonSerializer.SerializeToElement(number)
            : JsonSerializer.SerializeToElement(text);
}
