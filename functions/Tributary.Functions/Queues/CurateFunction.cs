using Tributary.Curation;
using Tributary.Landing;
using Tributary.Storage;

namespace Tributary.Functions.Queues;

/// <summary>Queue <c>curate</c>: validates and normalises one landed page into table <c>observations</c>.</summary>
public sealed partial class CurateFunction(Curator curator, ILogger<CurateFunction> logger)
{
    public const string Name = "Curate";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(StorageNames.CurateQueue, Connection = StorageNames.ConnectionSetting)] string message, FunctionContext context)
    {
        var quality = await curator.CurateAsync(QueueJson.Read<CurateMessage>(message, Name), context.CancellationToken);
        LogCurated(logger, quality.RawBlob, quality.Observations, quality.Rejected, quality.PageError ?? "none");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Curated {RawBlob}: {Observations} observations, {Rejected} rejected, page error: {PageError}")]
    private static partial void LogCurated(ILogger logger, string rawBlob, int observations, int rejected, string pageError);
}
