using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.Storage;

namespace Tributary.Health;

/// <summary>Healthy when blob, queue and table services all answer for the pipeline's own resources.</summary>
public sealed class StorageHealthCheck(StorageAccount storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Container(StorageNames.RawContainer).GetPropertiesAsync(cancellationToken: cancellationToken);
            await storage.Queue(StorageNames.CurateQueue).GetPropertiesAsync(cancellationToken);
            await foreach (var _ in storage.Table(StorageNames.KpisTable).QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
            {
                break;
            }
            return HealthCheckResult.Healthy("blob, queue and table storage answer");
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy($"storage answered {ex.Status} {ex.ErrorCode}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("storage is unreachable", ex);
        }
    }
}
