using Azure;
using Tributary.Storage;

namespace Tributary.Push;

/// <summary>Table <c>webhookdeliveries</c> (<see cref="WebhookDeliveryEntity"/>): the signatures already accepted, per source.</summary>
public sealed class WebhookDeliveryStore(StorageAccount storage)
{
    public const string TableName = "webhookdeliveries";

    private Azure.Data.Tables.TableClient Table => storage.Table(TableName);

    /// <summary>
    /// Claims a delivery by its signature with a conditional insert, so of two racing deliveries with one signature
    /// exactly one gets true. False: the signature was seen before (a replay).
    /// </summary>
    public async Task<bool> ClaimAsync(string source, string signature, DateTimeOffset signedUtc, DateTimeOffset receivedUtc, string bodySha256, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new WebhookDeliveryEntity
            {
                PartitionKey = TableKey.Join(source),
                RowKey = TableKey.Join(signature),
                Source = source,
                SignedUtc = signedUtc,
                ReceivedUtc = receivedUtc,
                BodySha256 = bodySha256,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Gives a claim back when its delivery could not be landed, so the sender's retry of it is not taken for a replay.</summary>
    public async Task ReleaseAsync(string source, string signature, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(TableKey.Join(source), TableKey.Join(signature), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
