using Azure;
using Microsoft.Extensions.Options;
using Tributary.Landing;
using Tributary.Sources.Manifests;
using Tributary.Storage;

namespace Tributary.Query.Raw;

/// <summary>
/// Serves landed pages from container <c>raw</c> only, by a name <see cref="RawBlobName"/> accepted: the hash the page
/// was landed with (its metadata) is checked against its bytes by <see cref="RawPayloadStore.OpenVerifiedAsync"/>, and
/// a page larger than <see cref="RawPayloadOptions.MaxBytes"/> is refused before it is read.
/// </summary>
public sealed class RawPayloadReader(StorageAccount storage, RawPayloadStore payloads, SourceManifests manifests, IOptions<RawPayloadOptions> options)
{
    /// <summary>
    /// The page's properties, and its verified content unless <paramref name="withContent"/> is false (a revalidation
    /// that the hash alone answers).
    /// </summary>
    /// <exception cref="RawPayloadIntegrityException">The bytes are not the ones landed.</exception>
    public async Task<RawPayload> OpenAsync(string? name, bool withContent, CancellationToken cancellationToken)
    {
        var blobName = RawBlobName.Parse(name, manifests);
        var blob = storage.Container(StorageNames.RawContainer).GetBlobClient(blobName.Name);
        Azure.Storage.Blobs.Models.BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new QueryNotFoundException("blob", $"No raw page '{QueryText.Shorten(blobName.Name)}' was landed.");
        }
        if (!properties.Metadata.TryGetValue(RawPayloadStore.Sha256Metadata, out var sha) || string.IsNullOrWhiteSpace(sha))
        {
            // Tributary lands every page with its hash; a blob without one was not landed by it, and is not served.
            throw new QueryNotFoundException("blob", $"'{QueryText.Shorten(blobName.Name)}' was not landed by Tributary (it has no sha256).");
        }
        var limit = options.Value.MaxBytes;
        if (properties.ContentLength > limit) throw new RawPayloadTooLargeException(blobName.Name, properties.ContentLength, limit);
        if (!withContent) return new RawPayload(blobName, null, blobName.MediaType, properties.ContentLength, sha.ToLowerInvariant(), properties.CreatedOn);
        var verified = await payloads.OpenVerifiedAsync(blobName.Name, sha, cancellationToken);
        return new RawPayload(blobName, verified.Content, blobName.MediaType, verified.Length, sha.ToLowerInvariant(), verified.LandedUtc);
    }
}
