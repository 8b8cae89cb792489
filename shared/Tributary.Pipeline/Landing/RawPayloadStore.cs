using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tributary.Sources;
using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>
/// Lands vendor pages as immutable blobs <c>raw/{source}/{yyyy}/{MM}/{dd}/{runId}/{page}.json</c> with their SHA-256
/// in metadata. Blobs are never overwritten. The first copy of a page landed for a run wins: when a run is replayed
/// (a retried or re-sent invocation), the page it already landed is reused even if the vendor's bytes differ now
/// (Open-Meteo's <c>generationtime_ms</c> changes on every call), so a replay re-curates exactly what it curated before.
/// </summary>
public sealed class RawPayloadStore(StorageAccount storage)
{
    public const string Sha256Metadata = "sha256";

    private BlobContainerClient Container => storage.Container(StorageNames.RawContainer);

    public static string BlobName(string source, string runId, DateTimeOffset runTime, string pageKey, string contentType = "application/json") =>
        $"{source}/{runTime.UtcDateTime:yyyy}/{runTime.UtcDateTime:MM}/{runTime.UtcDateTime:dd}/{runId}/{pageKey}{Extension(contentType)}";

    /// <summary>The file extension for a page's media type, so a landed page opens as what it is.</summary>
    public static string Extension(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/zip" or "application/x-zip-compressed" => ".zip",
        "text/csv" => ".csv",
        "application/xml" or "text/xml" => ".xml",
        "text/plain" => ".txt",
        _ => ".json",
    };

    public async Task<LandedPage> LandAsync(string source, string runId, DateTimeOffset runTime, RawPage page, CancellationToken cancellationToken)
    {
        TableKey.Validate(page.PageKey);
        var sha = Convert.ToHexStringLower(SHA256.HashData(page.Content));
        var name = BlobName(source, runId, runTime, page.PageKey, page.ContentType);
        var existing = await TryUploadAsync(name, page, sha, cancellationToken);
        return existing is null
            ? new LandedPage(name, sha, page.Content.Length, AlreadyLanded: false)
            : new LandedPage(name, existing.Value.Sha256, existing.Value.Bytes, AlreadyLanded: true);
    }

    /// <summary>Reads a landed page and checks it against the hash its message carries.</summary>
    public async Task<byte[]> ReadVerifiedAsync(string blobName, string expectedSha256, CancellationToken cancellationToken)
    {
        var result = await Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        var bytes = result.Value.Content.ToArray();
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new RawPayloadIntegrityException(blobName, expectedSha256, actual);
        }
        return bytes;
    }

    /// <summary>Uploads unless the name is taken; returns null when uploaded, else the existing blob's hash and size.</summary>
    private async Task<(string Sha256, long Bytes)?> TryUploadAsync(string name, RawPage page, string sha, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(new BinaryData(page.Content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = page.ContentType },
                Metadata = new Dictionary<string, string> { [Sha256Metadata] = sha },
            }, cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return properties.Metadata.TryGetValue(Sha256Metadata, out var existing)
                ? (existing, properties.ContentLength)
                : throw new InvalidOperationException($"Raw blob '{name}' exists without its '{Sha256Metadata}' metadata; it was not landed by Tributary.");
        }
    }
}
