using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using static Tributary.Query.QueryText;

namespace Tributary.Sources.Mapping;

/// <summary>
/// A CSV upload read whole: its header and its rows as text, with the line each row starts on. A row that is not
/// well-formed (a stray quote, another number of fields than the header) is kept with its problem, so it is rejected
/// with a reason instead of shifting the columns of the rows after it.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows) => (Header, Rows) = (header, rows);

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <param name="required">Header names the table must have.</param>
    /// <param name="name">What to call the payload in messages (the blob, or "the upload").</param>
    /// <exception cref="MalformedPayloadException">No header, a header without a required column, or a repeated header name.</exception>
    public static CsvTable Read(Stream content, IReadOnlyCollection<string> required, string name)
    {
        var badLine = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = _ => badLine = true,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read() || parser.Record is not { } first)
        {
            throw new MalformedPayloadException($"{name} is empty: a CSV upload starts with its header ({string.Join(",", required)}).");
        }
        var header = first.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var repeated = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) throw new MalformedPayloadException($"{name}: the CSV header names {string.Join(", ", repeated.Select(r => $"'{r}'"))} more than once.");
        var missing = required.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new MalformedPayloadException($"{name}: the CSV header lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} " +
                                                $"(it has {string.Join(", ", header.Select(h => $"'{Shorten(h, 40)}'"))}).");
        }
        badLine = false;
        var rows = new List<CsvRow>();
        while (parser.Read())
        {
            var cells = parser.Record ?? [];
            string? problem = badLine ? "the row is not well-formed CSV (a quote inside an unquoted field)"
                : cells.Length != header.Length ? $"the row has {cells.Length} field(s), the header {header.Length}"
                : null;
            var raw = parser.RawRecord.TrimEnd('\r', '\n');
            // The parser counts the raw lines read so far; a quoted field may span several, so step back to the row's first.
            var line = parser.RawRow - raw.Count(c => c == '\n');
            rows.Add(new CsvRow(line, cells, problem, raw));
            badLine = false;
        }
        return new CsvTable(header, rows);
    }

}

/// <param name="Line">The 1-based line the row starts on (the header is line 1).</param>
/// <param name="Problem">Why the row cannot be read as a record, or null.</param>
public sealed record CsvRow(long Line, string[] Cells, string? Problem, string RawText);
