using Tributary.Backfill;
using Tributary.Functions.Invocation;

namespace Tributary.Functions.Backfill;

/// <summary>Queue <c>backfill</c>: fetches one chunk of a backfill; a failed chunk is retried, then poisoned.</summary>
public static class BackfillFunction
{
    public const string Name = "Backfill";

    public static async Task<InvocationResult> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var chunk = QueueJson.Read<BackfillChunk>(request.QueueMessageText("msg"), Name);
        var record = await services.GetRequiredService<BackfillService>().RunChunkAsync(chunk, cancellationToken);
        return InvocationResult.Success($"backfill {record.Source} {record.RunId}: {record.Pages} page(s), {record.Bytes} bytes");
    }
}
