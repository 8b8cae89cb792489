using System.IO.Compression;

namespace Tributary.Quality;

/// <summary>
/// Checks the header line of each CSV file a ZIP mapper reads (GTFS): a file or a column it needs that is gone is
/// drift. Only headers are read, entry by entry, so the check costs almost nothing next to the mapping.
/// </summary>
public static class CsvDriftDetector
{
    public static IReadOnlyList<DriftChange> Detect(Stream zipContent, PayloadSchema schema)
    {
        var changes = new List<DriftChange>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(zipContent, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return changes; // Not a ZIP: the mapper quarantines the page with the reason.
        }
        using (zip)
        {
            foreach (var file in schema.Fields.GroupBy(f => f.Path.Split(':')[0], StringComparer.Ordinal))
            {
                var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.Name, file.Key, StringComparison.OrdinalIgnoreCase));
                if (entry is null)
                {
                    if (file.Any(f => f.Required)) changes.Add(new DriftChange(file.Key, DriftKind.Missing, "file", ""));
                    continue;
                }
                var header = Header(entry);
                foreach (var column in file.Where(f => f.Required))
                {
                    var name = column.Path[(file.Key.Length + 1)..];
                    if (!header.Contains(name)) changes.Add(new DriftChange(column.Path, DriftKind.Missing, "column", ""));
                }
            }
        }
        return changes;
    }

    private static HashSet<string> Header(ZipArchiveEntry entry)
    {
        try
        {
            using var reader = new StreamReader(entry.Open(), detectEncodingFromByteOrderMarks: true);
            var line = reader.ReadLine() ?? "";
            return line.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().Trim('"')).ToHashSet(StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return []; // A corrupt entry: the mapper quarantines the page with the reason.
        }
    }
}
