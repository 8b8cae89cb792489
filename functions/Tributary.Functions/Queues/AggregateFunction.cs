using Tributary.Curation;
using Tributary.Marts;
using Tributary.Storage;

namespace Tributary.Functions.Queues;

/// <summary>Queue <c>aggregate</c>: recomputes the KPI buckets of one city's days from the observations.</summary>
public sealed partial class AggregateFunction(Aggregator aggregator, Tributary.Alerts.AlertEvaluator alerts, ILogger<AggregateFunction> logger)
{
    public const string Name = "Aggregate";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(StorageNames.AggregateQueue, Connection = StorageNames.ConnectionSetting)] string message, FunctionContext context)
    {
        var request = QueueJson.Read<AggregateMessage>(message, Name);
        var written = await aggregator.AggregateAsync(request, context.CancellationToken);
        LogAggregated(logger, request.City, request.Days.Count, written);
        // In the same invocation, so a failed evaluation retries the (idempotent) message rather than being lost.
        await alerts.AfterAggregateAsync(request, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregated {City} for {Days} day(s): {Written} KPI rows written")]
    private static partial void LogAggregated(ILogger logger, string city, int days, int written);
}
