using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Triggers;

/// <summary>Storage clients for a binding's <c>connection</c> setting (a connection string, e.g. Azurite's).</summary>
public sealed class StorageConnections(AppSettings settings)
{
    public QueueServiceClient Queues(string connectionSetting) =>
        // Message text is decoded by the listener itself, so a message that is not valid base64 can be poisoned.
        new(ConnectionString(connectionSetting), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public BlobServiceClient Blobs(string connectionSetting) => new(ConnectionString(connectionSetting));

    private string ConnectionString(string connectionSetting)
    {
        var value = settings.Get(connectionSetting);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"App setting '{connectionSetting}' is not set. The local host needs a storage connection string there " +
                "(UseDevelopmentStorage=true for Azurite); identity-based connections are for Azure.");
        }
        return value;
    }
}
