using Tributary.Backfill;
using Tributary.Functions.Queues;

namespace Tributary.Functions.Backfill;

/// <summary>Queue <c>backfill</c>: fetches one chunk of a backfill; a failed chunk is retried, then poisoned.</summary>
public sealed partial class BackfillFunction(BackfillService backfill, ILogger<BackfillFunction> logger)
{
    public const string Name = "Backfill";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(BackfillService.QueueName, Connection = Storage.StorageNames.ConnectionSetting)] string message, FunctionContext context)
    {
        var record = await backfill.RunChunkAsync(QueueJson.Read<BackfillChunk>(message, Name), context.CancellationToken);
        LogChunk(logger, record.Source, record.RunId, record.Pages, record.Bytes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill {Source} {RunId}: {Pages} page(s), {Bytes} bytes")]
    private static partial void LogChunk(ILogger logger, string source, string runId, int pages, long bytes);
}
