using Tributary.Functions.Invocation;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.Manifests;

namespace Tributary.Functions.Ingest;

/// <summary>
/// The timer adapter every source shares: pulls the source into raw blobs and queues the pages for curation. Each
/// source has its own function folder (and so its own schedule setting) mapped to this adapter with its source id.
/// </summary>
public static class IngestFunction
{
    public static InvocationHandler For(string sourceId) => (request, services, cancellationToken) => RunAsync(sourceId, request, services, cancellationToken);

    private static async Task<InvocationResult> RunAsync(string sourceId, InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        // The run id comes from the host's invocation time, so replaying the same invocation is the same run.
        var utcNow = request.UtcNow;
        var runTime = new DateTimeOffset(utcNow.Ticks - utcNow.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        // A source switched off (Sources:{Key}:Enabled=false, e.g. no partner credentials yet) keeps its timer quiet.
        var manifest = services.GetRequiredService<SourceManifests>().ByKey.FirstOrDefault(m => m.Value.Id == sourceId);
        if (manifest.Value is { Enabled: false })
        {
            return InvocationResult.Success($"{sourceId} is disabled (Sources:{manifest.Key}:Enabled = false); nothing fetched.");
        }
        var connector = services.GetRequiredService<SourceRegistry>().Connector(sourceId);
        var record = await services.GetRequiredService<IngestionService>().IngestAsync(connector, runTime, cancellationToken);
        return InvocationResult.Success(
            $"{record.Source} run {record.RunId}: {record.Pages} page(s), {record.Bytes} bytes, {record.Requests} request(s)" +
            $"{(record.RateLimitWaitMs > 0 ? $", {record.RateLimitWaitMs} ms waiting for the rate budget" : "")}" +
            $"{(request.TimerIsPastDue("timer") ? " (past due)" : "")}");
    }
}
