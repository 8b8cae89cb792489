using Microsoft.Azure.Functions.Worker;
using Tributary.Landing;

namespace Tributary.Functions.Ingest;

/// <summary>
/// The timer of every source added by manifest alone: ticks every minute (<c>%IngestScheduledSourcesSchedule%</c>)
/// and runs each such source whose own <c>Schedule</c> is due, so a new JSON source needs no function and no C#.
/// </summary>
public sealed class ScheduledIngestFunction(SourceScheduler scheduler, TimeProvider time)
{
    [Function("IngestScheduledSources")]
    public async Task<string> RunAsync([TimerTrigger("%IngestScheduledSourcesSchedule%")] TimerInfo timer, FunctionContext context)
    {
        var runs = await scheduler.RunDueAsync(InvocationTime.Of(context, time), IngestFunctions.Sources, context.CancellationToken);
        return runs.Count == 0
            ? "no manifest source is due"
            : string.Join("; ", runs.Select(r => $"{r.Source} run {r.RunId}: {r.Pages} page(s), {r.Requests} request(s)"));
    }
}
