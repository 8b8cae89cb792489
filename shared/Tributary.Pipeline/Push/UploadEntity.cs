using Tributary.Storage;

namespace Tributary.Push;

/// <summary>
/// A row of table <c>uploads</c>: PartitionKey = source, RowKey = <c>{yyyyMMdd}|{sha256}</c> (the UTC day it arrived,
/// the body's hash), so the same bytes sent twice on one day are one landing. It names the run and blob the first
/// copy landed as; <see cref="Completed"/> turns true once the blob, the run row and the curate message are all done.
/// </summary>
public sealed record UploadEntity : StoredEntity
{
    public string Source { get; set; } = "";
    public string Day { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string RunId { get; set; } = "";
    public string BlobName { get; set; } = "";
    public string PageKey { get; set; } = "";
    public string MediaType { get; set; } = "";
    public long Bytes { get; set; }
    public DateTimeOffset ReceivedUtc { get; set; }
    public bool Completed { get; set; }

    public static string RowKeyOf(DateTimeOffset received, string sha256) => TableKey.Join(received.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), sha256);
}
