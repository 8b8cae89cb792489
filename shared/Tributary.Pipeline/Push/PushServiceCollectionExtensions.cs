using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Push;

public static class PushServiceCollectionExtensions
{
    /// <summary>Uploads and signed webhooks for push sources: the source lookup, the dedupe and replay tables, the landing service.</summary>
    public static IServiceCollection AddTributaryPush(this IServiceCollection services)
    {
        services.AddSingleton<PushSources>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<PushIngestionService>();
        return services;
    }

    /// <summary>The tables push ingestion needs, for the storage initialiser.</summary>
    public static readonly string[] Tables = [UploadStore.TableName, WebhookDeliveryStore.TableName];
}
