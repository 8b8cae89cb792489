using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Tributary.Storage;

/// <summary>
/// The pipeline's storage account, resolved from a Functions-style connection setting: either a connection string
/// (<c>UseDevelopmentStorage=true</c> for Azurite) or identity-based settings under the same prefix
/// (<c>__accountName</c>, or <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c>, with
/// <c>__credential=managedidentity</c> and <c>__clientId</c>), exactly as the Functions host reads them.
/// </summary>
public sealed class StorageAccount
{
    public StorageAccount(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }

    /// <summary>Queues hold base64 text, which is what the Functions queue trigger expects by default.</summary>
    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public static StorageAccount FromConfiguration(IConfiguration configuration, string settingName = StorageNames.ConnectionSetting)
    {
        var queueOptions = Resilient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var blobOptions = Resilient(new BlobClientOptions());
        var tableOptions = Resilient(new TableClientOptions());
        var connectionString = configuration[settingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                return new StorageAccount(
                    new BlobServiceClient(connectionString, blobOptions),
                    new QueueServiceClient(connectionString, queueOptions),
                    new TableServiceClient(connectionString, tableOptions));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidOperationException($"Setting '{settingName}' is not a valid storage connection string: {ex.Message}", ex);
            }
        }

        var section = configuration.GetSection(settingName);
        var accountName = section["accountName"];
        var blobUri = ServiceUri(section, "blobServiceUri", accountName, "blob", settingName);
        var queueUri = ServiceUri(section, "queueServiceUri", accountName, "queue", settingName);
        var tableUri = ServiceUri(section, "tableServiceUri", accountName, "table", settingName);
        var credential = Credential(section);
        return new StorageAccount(
            new BlobServiceClient(blobUri, credential, blobOptions),
            new QueueServiceClient(queueUri, credential, queueOptions),
            new TableServiceClient(tableUri, credential, tableOptions));
    }

    /// <summary>
    /// Retries that ride out a storage outage of about a minute (the SDK default gives up after about 6 s). The
    /// pipeline runs unattended: a stage that waits for storage to come back finishes its work, where one that
    /// gives up early fails a run and spends a queue message's dequeue count for nothing. Every write is
    /// idempotent, so a retried request cannot do harm.
    /// </summary>
    private static T Resilient<T>(T options) where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 8;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(15);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    private static Uri ServiceUri(IConfigurationSection section, string key, string? accountName, string service, string settingName)
    {
        var explicitUri = section[key];
        if (!string.IsNullOrWhiteSpace(explicitUri))
        {
            return Uri.TryCreate(explicitUri, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Setting '{settingName}__{key}' is not an absolute URI: '{explicitUri}'.");
        }
        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{settingName}' to a connection string (UseDevelopmentStorage=true for Azurite) " +
                $"or '{settingName}__accountName' (or '{settingName}__{key}') for an identity-based connection.");
        }
        return new Uri($"https://{accountName}.{service}.core.windows.net");
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
