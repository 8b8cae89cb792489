using Tributary.Curation;
using Tributary.Functions.Invocation;
using Tributary.Marts;

namespace Tributary.Functions.Aggregate;

/// <summary>Queue <c>aggregate</c>: recomputes the KPI buckets of one city's days from the observations.</summary>
public static class AggregateFunction
{
    public const string Name = "Aggregate";

    public static async Task<InvocationResult> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var message = QueueJson.Read<AggregateMessage>(request.QueueMessageText("msg"), Name);
        var written = await services.GetRequiredService<Aggregator>().AggregateAsync(message, cancellationToken);
        return InvocationResult.Success($"aggregated {message.City} for {message.Days.Count} day(s): {written} KPI rows written");
    }
}
