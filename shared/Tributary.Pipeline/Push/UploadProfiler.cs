using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tributary.Sources;
using Tributary.Sources.Manifests;
using Tributary.Sources.Mapping;
using Tributary.Sources.Paging;
using static Tributary.Query.QueryText;

namespace Tributary.Push;

/// <summary>
/// Reads an upload as curation will: the column profile from the body itself (CSV cells, or the members of the JSON
/// rows) and the rejects and time range from the source's own mapper, so the answer says now what the quality row
/// will say later. A body that cannot be read at all is refused (400, <c>body</c>) and never landed.
/// </summary>
public static class UploadProfiler
{
    public const int MaxRejectsShown = 20;

    /// <exception cref="PushRejectedException">The body is not a readable CSV or JSON upload for this source.</exception>
    public static UploadSummary Profile(SourceManifest manifest, ISourceMapper mapper, byte[] body, string mediaType, string blobName, string runId)
    {
        var columns = mediaType == PushSpec.Csv ? CsvColumns(manifest, body) : JsonColumns(manifest.Mapping!, body);
        MappingResult mapped;
        try
        {
            using var content = new MemoryStream(body, writable: false);
            mapped = mapper.Map(content, new RawPageContext(manifest.Id, blobName, null, null, runId));
        }
        catch (MalformedPayloadException ex)
        {
            throw Unreadable(ex.Message.Replace($"Page '{blobName}'", "The upload", StringComparison.Ordinal));
        }
        var times = mapped.Observations.Select(o => o.TimestampUtc).ToList();
        return new UploadSummary(columns.Rows, columns.Columns, mapped.Observations.Count, mapped.Rejected.Count,
            [.. mapped.Rejected.Take(MaxRejectsShown).Select(r => new RejectedRow(r.Locator, r.Reason, r.RawValue is null ? null : Shorten(r.RawValue, 80)))],
            times.Count > 0 ? times.Min() : null, times.Count > 0 ? times.Max() : null);
    }

    private static (int Rows, IReadOnlyList<ColumnSummary> Columns) CsvColumns(SourceManifest manifest, byte[] body)
    {
        CsvTable table;
        try
        {
            using var content = new MemoryStream(body, writable: false);
            table = CsvTable.Read(content, manifest.Push!.Columns, "The upload");
        }
        catch (MalformedPayloadException ex)
        {
            throw Unreadable(ex.Message);
        }
        var rows = table.Rows.Count;
        var columns = table.Header.Select((name, i) =>
        {
            var present = table.Rows.Count(r => i < r.Cells.Length && r.Cells[i].Length > 0);
            return new ColumnSummary(name, present, Ratio(present, rows));
        });
        return (rows, [.. columns]);
    }

    private static (int Rows, IReadOnlyList<ColumnSummary> Columns) JsonColumns(MappingSpec mapping, byte[] body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Unreadable($"The upload is not JSON: {ex.Message}");
        }
        using (doc)
        {
            var where = mapping.Records.Length == 0 ? "The upload" : $"The upload's '{mapping.Records}'";
            if (JsonPath.Find(doc.RootElement, mapping.Records) is not { ValueKind: JsonValueKind.Array } records)
            {
                throw Unreadable($"{where} is not an array of row objects.");
            }
            // Members in the order they first appear, counted where they hold something other than null.
            var present = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = 0;
            foreach (var record in records.EnumerateArray())
            {
                rows++;
                if (record.ValueKind != JsonValueKind.Object) continue;
                foreach (var member in record.EnumerateObject())
                {
                    present.TryAdd(member.Name, 0);
                    if (member.Value.ValueKind != JsonValueKind.Null) present[member.Name]++;
                }
            }
            return (rows, [.. present.Take(256).Select(p => new ColumnSummary(Shorten(p.Key, 80), p.Value, Ratio(p.Value, rows)))]);
        }
    }

    private static double Ratio(int present, int rows) => rows == 0 ? 1 : Math.Round((double)present / rows, 4);

    private static PushRejectedException Unreadable(string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid parameter 'body'", "body", detail);

}
