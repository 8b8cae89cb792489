using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tributary.Sources;
using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>
/// Lands vendor pages as immutable blobs <c>raw/{source}/{yyyy}/{MM}/{dd}/{runId}/{page}.json</c> with their SHA-256
/// in metadata. Blobs are never overwritten: landing the same bytes again is a no-op, and different bytes under a
/// name that is taken (a live vendor changed its answer between two attempts of one run) land beside it under a
/// name that carries their hash, so nothing fetched is ever lost.
/// </summary>
public sealed class RawPayloadStore(StorageAccount storage)
{
    public const string Sha256Metadata = "sha256";

    private BlobContainerClient Container => storage.Container(StorageNames.RawContainer);

    public static string BlobName(string source, string runId, DateTimeOffset runTime, string pageKey) =>
        $"{source}/{runTime.UtcDateTime:yyyy}/{runTime.UtcDateTime:MM}/{runTime.UtcDateTime:dd}/{runId}/{pageKey}.json";

    public async Task<LandedPage> LandAsync(string source, string runId, DateTimeOffset runTime, RawPage page, CancellationToken cancellationToken)
    {
        TableKey.Validate(page.PageKey);
        var sha = Convert.ToHexStringLower(SHA256.HashData(page.Content));
        var name = BlobName(source, runId, runTime, page.PageKey);
        var existing = await TryUploadAsync(name, page, sha, cancellationToken);
        if (existing is null)
        {
            return new LandedPage(name, sha, page.Content.Length, AlreadyLanded: false);
        }
        if (existing == sha)
        {
            return new LandedPage(name, sha, page.Content.Length, AlreadyLanded: true);
        }
        var sibling = $"{name[..^".json".Length]}.{sha[..16]}.json";
        var siblingExisting = await TryUploadAsync(sibling, page, sha, cancellationToken);
        return new LandedPage(sibling, sha, page.Content.Length, AlreadyLanded: siblingExisting is not null);
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

    /// <summary>Uploads unless the name is taken; returns null when uploaded, else the existing blob's hash.</summary>
    private async Task<string?> TryUploadAsync(string name, RawPage page, string sha, CancellationToken cancellationToken)
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
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(Sha256Metadata, out var existing) ? existing : "";
        }
    }
}
