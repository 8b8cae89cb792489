using Microsoft.Azure.Functions.Worker;
using Tributary.Landing;

namespace Tributary.Functions.Ingest;

/// <summary>
/// The timer of every source added by manifest alone: ticks every minute (<c>%IngestScheduledSourcesSchedule%</c>)
/// and runs each such source whose own <c>Schedule</c> is due, so a new JSON source needs no function and no C#.
/// </summary>
public sealed class ScheduledIngestFunction(SourceScheduler scheduler, Tributary.Alerts.AlertEvaluator alerts, TimeProvider time)
{
    [Function("IngestScheduledSources")]
    public async Task<string> RunAsync([TimerTrigger("%IngestScheduledSourcesSchedule%")] TimerInfo timer, FunctionContext context)
    {
        IReadOnlyList<RunRecord> runs;
        try
        {
            runs = await scheduler.RunDueAsync(InvocationTime.Of(context, time), IngestFunctions.Sources, context.CancellationToken);
        }
        catch (IngestRunFailedException failed)
        {
            // Sources run side by side and the first failure surfaces here; the runs of the others reach their rules on the next tick's staleness check.
            await alerts.AfterRunAsync(failed.Record, context.CancellationToken);
            throw;
        }
        foreach (var run in runs) await alerts.AfterRunAsync(run, context.CancellationToken);
        return runs.Count == 0
            ? "no manifest source is due"
            : string.Join("; ", runs.Select(r => $"{r.Source} run {r.RunId}: {r.Pages} page(s), {r.Requests} request(s)"));
    }
}
