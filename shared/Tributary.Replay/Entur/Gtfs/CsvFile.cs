using System.Text;

namespace Tributary.Replay.Entur.Gtfs;

/// <summary>A CSV cell; <see cref="ForceQuotes"/> quotes it even when RFC 4180 would not need to.</summary>
internal readonly record struct CsvCell(string Text, bool ForceQuotes = false)
{
    public static implicit operator CsvCell(string text) => new(text);

    public static CsvCell Quoted(string text) => new(text, ForceQuotes: true);
}

/// <summary>One GTFS text file as written: RFC 4180 quoting, the chosen line end, UTF-8 with or without a BOM.</summary>
internal sealed class CsvFile(string name, bool byteOrderMark, string lineEnd, params string[] header)
{
    private readonly StringBuilder _text = new StringBuilder().Append(string.Join(',', header)).Append(lineEnd);

    public string Name { get; } = name;

    public int Columns { get; } = header.Length;

    public void Add(params CsvCell[] cells)
    {
        if (cells.Length != Columns)
        {
            throw new ArgumentException($"{Name} has {Columns} columns; got {cells.Length} cells.", nameof(cells));
        }

        for (var index = 0; index < cells.Length; index++)
        {
            if (index > 0) _text.Append(',');
            var cell = cells[index];
            if (cell.ForceQuotes || cell.Text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                _text.Append('"').Append(cell.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _text.Append(cell.Text);
            }
        }

        _text.Append(lineEnd);
    }

    public byte[] ToBytes()
    {
        var body = Encoding.UTF8.GetBytes(_text.ToString());
        return byteOrderMark ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }
}
