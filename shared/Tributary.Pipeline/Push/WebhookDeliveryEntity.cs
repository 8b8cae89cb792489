using Tributary.Storage;

namespace Tributary.Push;

/// <summary>
/// A row of table <c>webhookdeliveries</c>: PartitionKey = source, RowKey = the delivery's signature digest (hex), so a
/// delivery is accepted once: the row is inserted conditionally, and a second delivery with the same signature (a
/// replay, or a racing duplicate) finds it there. The digest is an HMAC output, never the secret.
/// </summary>
public sealed record WebhookDeliveryEntity : StoredEntity
{
    public string Source { get; set; } = "";
    public DateTimeOffset SignedUtc { get; set; }
    public DateTimeOffset ReceivedUtc { get; set; }
    public string BodySha256 { get; set; } = "";
}
