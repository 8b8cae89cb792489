using Tributary.Sources.Connectors;
using Tributary.Sources.Manifests;
using Tributary.Telemetry;

namespace Tributary.Sources.RateBudgets;

/// <summary>
/// Sits inside the resilience pipeline, so every attempt (retries included) spends the source's budget, and every
/// vendor answer that says "wait" is recorded for the next call.
/// </summary>
public sealed class RateBudgetHandler(SourceManifest source, RateBudgetGate gate, TimeProvider time) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<FetchStats> StatsKey = new("tributary.fetch-stats");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var waited = await gate.AcquireAsync(source.Id, source.RateBudget, cancellationToken);
        request.Options.TryGetValue(StatsKey, out var stats);
        stats?.AddWait(waited);
        if (waited > TimeSpan.Zero) PipelineTelemetry.RateLimitWait.Record(waited.TotalSeconds, PipelineTelemetry.SourceTag(source.Id));
        stats?.AddRequest();
        var response = await base.SendAsync(request, cancellationToken);
        if (VendorRateLimits.BlockedUntil(response, source.RateBudget.Headers, time.GetUtcNow()) is { } until)
        {
            await gate.BlockUntilAsync(source.Id, until, cancellationToken);
        }
        return response;
    }
}
