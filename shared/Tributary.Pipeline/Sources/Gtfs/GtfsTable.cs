using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tributary.Sources.Gtfs;

/// <summary>
/// Streams the rows of one GTFS file inside the feed ZIP. GTFS allows a UTF-8 BOM, CRLF or LF, RFC 4180 quoting and
/// columns in any order with optional ones absent, so cells are always read by header name through CsvHelper.
/// </summary>
internal sealed class GtfsTable(ZipArchive zip, string blobName)
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture)
    {
        // A row may lack optional trailing columns in hand-made feeds; absent cells read as empty.
        MissingFieldFound = null,
        BadDataFound = null,
        TrimOptions = TrimOptions.None,
        DetectColumnCountChanges = false,
    };

    public bool Has(string file) => zip.GetEntry(file) is not null;

    /// <summary>Each row as a reader positioned on it; <paramref name="required"/> columns must be in the header.</summary>
    /// <exception cref="MalformedPayloadException">The file or a required column is missing.</exception>
    public IEnumerable<GtfsRow> Rows(string file, params string[] required)
    {
        var entry = zip.GetEntry(file) ?? throw new MalformedPayloadException($"GTFS feed '{blobName}' has no {file}.");
        using var reader = new StreamReader(entry.Open(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, Csv);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            yield break;
        }
        var header = csv.HeaderRecord.Select((name, i) => (name: name.Trim(), i)).ToDictionary(h => h.name, h => h.i, StringComparer.Ordinal);
        foreach (var column in required)
        {
            if (!header.ContainsKey(column))
            {
                throw new MalformedPayloadException($"GTFS feed '{blobName}': {file} has no '{column}' column.");
            }
        }
        var row = new GtfsRow(csv, header, file);
        while (csv.Read())
        {
            yield return row;
        }
    }
}

/// <summary>The current row of a GTFS file, read by column name; absent or empty cells are null.</summary>
internal sealed class GtfsRow(CsvReader csv, IReadOnlyDictionary<string, int> header, string file)
{
    public string File => file;

    public int Line => csv.Parser.Row;

    public string? this[string column] =>
        header.TryGetValue(column, out var index) && csv.TryGetField<string>(index, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    public string Raw => csv.Parser.RawRecord.TrimEnd('\r', '\n');
}
