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

    /// <summary>Pages up to this size are read into memory in one download; larger ones (a national GTFS feed) stream.</summary>
    public const long InMemoryLimit = 16 * 1024 * 1024;

    /// <summary>
    /// Opens a landed page for reading, checked against the hash its message carries. A small page is downloaded once
    /// into memory; a large one is hashed in one streaming pass and then opened as a seekable stream over the blob
    /// (ranges are fetched as they are read), so memory stays flat however large the page is.
    /// </summary>
    /// <exception cref="RawPayloadIntegrityException">The bytes are not the ones landed.</exception>
    public async Task<VerifiedPayload> OpenVerifiedAsync(string blobName, string expectedSha256, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(blobName);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        // Conditional on the ETag read here: the blob read is the blob hashed.
        var conditions = new BlobRequestConditions { IfMatch = properties.ETag };
        Stream content;
        string actual;
        if (properties.ContentLength <= InMemoryLimit)
        {
            var bytes = (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value.Content.ToArray();
            actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            content = new MemoryStream(bytes, writable: false);
        }
        else
        {
            await using (var download = (await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value.Content)
            {
                actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(download, cancellationToken));
            }
            content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            await content.DisposeAsync();
            throw new RawPayloadIntegrityException(blobName, expectedSha256, actual);
        }
        return new VerifiedPayload(content, properties.CreatedOn, properties.ContentType, properties.ContentLength);
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
