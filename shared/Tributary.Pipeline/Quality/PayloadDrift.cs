using System.Text.Json;

namespace Tributary.Quality;

/// <summary>A landed page's shape against its mapper's schema, whichever kind of payload it is.</summary>
public static class PayloadDrift
{
    /// <param name="content">Seekable; left at the position it had.</param>
    public static IReadOnlyList<DriftChange> Detect(Stream content, string blobName, PayloadSchema schema)
    {
        if (schema.Fields.Count == 0) return [];
        var start = content.Position;
        try
        {
            if (schema.IsCsv) return blobName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? CsvDriftDetector.Detect(content, schema) : [];
            using var doc = JsonDocument.Parse(content);
            return JsonDriftDetector.Detect(doc.RootElement, schema);
        }
        catch (JsonException)
        {
            return []; // Not JSON at all: the mapper quarantines the page, with that reason.
        }
        finally
        {
            content.Position = start;
        }
    }
}
