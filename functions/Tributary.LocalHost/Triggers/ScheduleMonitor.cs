using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;

namespace Tributary.LocalHost.Triggers;

/// <summary>
/// Timer status blobs at the host's path, <c>azure-webjobs-hosts/timers/{hostId}/Host.Functions.{Name}/status</c>,
/// holding <c>{Last, Next, LastUpdated}</c>. Writes are best-effort, as in the host.
/// </summary>
public sealed partial class ScheduleMonitor(BlobServiceClient blobs, string hostId, ILogger logger)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient("azure-webjobs-hosts");

    private BlobClient Blob(string functionName) => Container.GetBlobClient($"timers/{hostId}/Host.Functions.{functionName}/status");

    public async Task<ScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Blob(functionName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            return null; // A damaged status is treated like a missing one.
        }
    }

    public async Task SetAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Blob(functionName).UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            LogWriteFailed(logger, functionName, ex.Status, ex.ErrorCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the timer status of {FunctionName}: {Status} {ErrorCode}")]
    private static partial void LogWriteFailed(ILogger logger, string functionName, int status, string? errorCode);
}
