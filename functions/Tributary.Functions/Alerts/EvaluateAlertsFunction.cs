using Tributary.Alerts;
using Tributary.Functions.Ingest;

namespace Tributary.Functions.Alerts;

/// <summary>
/// The alert timer (<c>%EvaluateAlertsSchedule%</c>, every 5 minutes by default): staleness is the one condition no
/// pipeline event announces, so it is checked on a clock; drift and deliveries a crash left unqueued are caught up too.
/// </summary>
public sealed class EvaluateAlertsFunction(AlertEvaluator evaluator, TimeProvider time)
{
    [Function("EvaluateAlerts")]
    public async Task RunAsync([TimerTrigger("%EvaluateAlertsSchedule%")] TimerInfo timer, FunctionContext context) =>
        await evaluator.OnTimerAsync(InvocationTime.Of(context, time), context.CancellationToken);
}
