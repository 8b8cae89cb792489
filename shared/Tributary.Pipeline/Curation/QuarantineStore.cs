using System.Text.Json;
using Azure.Storage.Blobs;
using Tributary.Storage;
using Tributary.Telemetry;

namespace Tributary.Curation;

/// <summary>
/// Keeps what curation could not use in <c>quarantine/{raw blob name}.rejects.json</c>: the raw page it came from,
/// its hash, and every rejected record with its reason. Deterministic names make a replay overwrite with the
/// same content instead of piling up copies.
/// </summary>
public sealed class QuarantineStore(StorageAccount storage)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private BlobContainerClient Container => storage.Container(StorageNames.QuarantineContainer);

    public static string BlobName(string rawBlob) => $"{rawBlob}.rejects.json";

    public async Task<string> PutAsync(string rawBlob, string rawSha256, string? pageReason, IReadOnlyList<RejectedRecord> rejected, CancellationToken cancellationToken)
    {
        var name = BlobName(rawBlob);
        var document = new { rawBlob, rawSha256, pageReason, rejectedCount = rejected.Count, rejected };
        await Container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(document, Json), overwrite: true, cancellationToken);
        // Raw blob names start with the source id; a page quarantined whole counts as one record.
        PipelineTelemetry.RecordsQuarantined.Add(Math.Max(rejected.Count, pageReason is null ? 0 : 1),
            PipelineTelemetry.SourceTag(rawBlob.Split('/', 2)[0]));
        return name;
    }
}
