using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Storage.Blobs.Models;
using Tributary.Landing;
using Tributary.Storage;

namespace Tributary.Replay;

/// <summary>
/// Lists the raw blobs a source landed on one UTC day, by the name prefix <c>{source}/{yyyy}/{MM}/{dd}/</c> of
/// <see cref="RawPayloadStore.BlobName"/>: one prefix per day, never a scan of the container.
/// </summary>
public sealed class LandedPages(StorageAccount storage)
{
    public static string DayPrefix(string source, DateOnly day) =>
        $"{source}/{day.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)}/";

    /// <summary>Each blob with the SHA-256 it was landed with, or null when its metadata has none.</summary>
    public async IAsyncEnumerable<(string Name, string? Sha256)> ListDayAsync(string source, DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = storage.Container(StorageNames.RawContainer);
        var options = new GetBlobsOptions { Prefix = DayPrefix(source, day), Traits = BlobTraits.Metadata };
        await foreach (var blob in container.GetBlobsAsync(options, cancellationToken))
        {
            var sha = blob.Metadata.TryGetValue(RawPayloadStore.Sha256Metadata, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
            yield return (blob.Name, sha);
        }
    }
}
