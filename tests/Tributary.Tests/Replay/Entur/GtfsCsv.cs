using System.Text;

namespace Tributary.Tests.Replay.Entur;

/// <summary>
/// An RFC 4180 reader the way a GTFS consumer must read: strips a UTF-8 BOM, accepts CRLF or LF, unquotes
/// (<c>""</c> is a quote), and maps records by header name, whatever the column order.
/// </summary>
internal static class GtfsCsv
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static List<Dictionary<string, string>> Records(byte[] file)
    {
        var text = Encoding.UTF8.GetString(file.AsSpan().StartsWith(Bom) ? file[3..] : file);
        var rows = Rows(text);
        var header = rows[0];
        return [.. rows.Skip(1).Select(row => header.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal))];
    }

    public static string[] Header(byte[] file) => Rows(Encoding.UTF8.GetString(file.AsSpan().StartsWith(Bom) ? file[3..] : file))[0];

    public static List<string[]> Rows(string text)
    {
        List<string[]> rows = [];
        List<string> row = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else field.Append(c);
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
