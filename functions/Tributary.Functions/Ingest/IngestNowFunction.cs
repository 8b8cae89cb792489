using Tributary.Functions.Http.V1;
using Tributary.Functions.Queues;
using Tributary.Landing;

namespace Tributary.Functions.Ingest;

/// <summary>
/// Queue <c>ingest-now</c>: a run an admin asked for ("run a source now"), through the timers' own path. A run the
/// vendor failed is recorded (run history, alerts) and not retried, as a timer's is not; anything else (storage
/// trouble) throws, so the message is retried and then poisoned.
/// </summary>
public sealed partial class IngestNowFunction(SourceIngestion ingestion, ILogger<IngestNowFunction> logger)
{
    public const string Name = "IngestNow";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(SourcesRunNow.QueueName, Connection = Storage.StorageNames.ConnectionSetting)] string message, FunctionContext context)
    {
        var asked = QueueJson.Read<IngestNowMessage>(message, Name);
        try
        {
            var record = await ingestion.RunAtAsync(asked.Source, asked.RunTimeUtc, context.CancellationToken);
            if (record is null) LogDisabled(logger, asked.Source);
            else LogRan(logger, asked.Source, record.RunId, record.Outcome, record.Pages);
        }
        catch (IngestRunFailedException failed)
        {
            LogFailed(logger, asked.Source, failed.Record.RunId, failed.Record.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run now: {Source} run {RunId} {Outcome}, {Pages} page(s)")]
    private static partial void LogRan(ILogger logger, string source, string runId, string outcome, int pages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run now: {Source} was switched off before its run; nothing fetched")]
    private static partial void LogDisabled(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run now: {Source} run {RunId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string source, string runId, string? error);
}
