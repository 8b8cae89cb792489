using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tributary.Storage;

/// <summary>Creates the pipeline's containers, queues and tables once at start-up, so no stage has to.</summary>
public sealed partial class StorageInitializer(StorageAccount storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        foreach (var container in new[] { StorageNames.RawContainer, StorageNames.QuarantineContainer })
        {
            work.Add(storage.Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        }
        foreach (var queue in new[] { StorageNames.CurateQueue, StorageNames.AggregateQueue, Backfill.BackfillService.QueueName, Replay.RawReplayService.QueueName, Alerts.AlertOutbox.QueueName, StorageNames.IngestNowQueue })
        {
            work.Add(storage.Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        }
        foreach (var table in new[] { StorageNames.RunsTable, StorageNames.ObservationsTable, StorageNames.QualityTable, StorageNames.KpisTable,
                     StorageNames.CursorsTable, StorageNames.RateBudgetsTable, StorageNames.DimensionsTable, StorageNames.SchedulesTable,
                     StorageNames.ReplaysTable, StorageNames.ReplayDaysTable, StorageNames.DriftTable,
                     StorageNames.MartExtentTable, StorageNames.RunHistoryTable, StorageNames.ViewsTable, StorageNames.AlertsTable }.Concat(Push.PushServiceCollectionExtensions.Tables))
        {
            work.Add(storage.Table(table).CreateIfNotExistsAsync(cancellationToken));
        }
        try
        {
            await Task.WhenAll(work);
            LogReady(logger);
        }
        catch (RequestFailedException ex)
        {
            throw new InvalidOperationException(
                $"Could not prepare storage through setting '{StorageNames.ConnectionSetting}' ({ex.Status} {ex.ErrorCode}). Is Azurite running?", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage containers, queues and tables are ready")]
    private static partial void LogReady(ILogger logger);
}
