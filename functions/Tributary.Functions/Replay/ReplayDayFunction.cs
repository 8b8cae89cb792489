using Tributary.Functions.Queues;
using Tributary.Replay;
using Tributary.Storage;

namespace Tributary.Functions.Replay;

/// <summary>Queue <c>replay</c>: queues one day of a replay's landed raw blobs for curation; a failed day is retried, then poisoned.</summary>
public sealed partial class ReplayDayFunction(RawReplayService replay, ILogger<ReplayDayFunction> logger)
{
    public const string Name = "ReplayDay";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(RawReplayService.QueueName, Connection = StorageNames.ConnectionSetting)] string message, FunctionContext context)
    {
        var request = QueueJson.Read<RawReplayDay>(message, Name);
        var day = await replay.ReplayDayAsync(request, context.CancellationToken);
        LogDay(logger, request.Source, request.ReplayId, day.Day, day.BlobsQueued, day.SkippedCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} of {Source} {Day:yyyy-MM-dd}: {Queued} blob(s) queued, {Skipped} skipped")]
    private static partial void LogDay(ILogger logger, string source, string replayId, DateOnly day, int queued, int skipped);
}
