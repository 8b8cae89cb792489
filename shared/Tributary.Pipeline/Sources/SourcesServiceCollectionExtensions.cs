using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Tributary.Configuration;
using Tributary.Sources.Auth;
using Tributary.Sources.Connectors;
using Tributary.Sources.Manifests;
using Tributary.Sources.Mapping;
using Tributary.Sources.RateBudgets;
using Tributary.Sources.Secrets;

namespace Tributary.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// Registers every source manifest of section <c>Sources</c> (validated now, so a bad manifest stops start-up with
    /// messages that name the setting), one HTTP client per source with its own resilience pipeline (total timeout,
    /// retries with jittered backoff that honour Retry-After and the vendor's rate-limit headers, a circuit breaker,
    /// an attempt timeout) and, inside it, the source's persisted rate budget.
    /// </summary>
    public static IServiceCollection AddTributarySources(this IServiceCollection services, IConfiguration configuration)
    {
        var manifests = SourceManifests.Load(configuration);
        services.AddSingleton(manifests);
        services.AddSingleton<ISecretStore, SecretStore>();
        services.AddSingleton<OAuth2TokenProvider>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<RateBudgetGate>();
        services.AddSingleton<CursorStore>();
        services.AddHttpClient(OAuth2TokenProvider.HttpClientName).RemoveAllLoggers().AddStandardResilienceHandler();

        foreach (var manifest in manifests.Pulled)
        {
            var client = services.AddHttpClient(ManifestConnector.HttpClientName(manifest.Id))
                // The default HTTP logging writes full URLs, and an API key may travel in the query: log nothing here.
                .RemoveAllLoggers()
                // HttpClient's own 100 s default would cut every send (retries and rate-budget waits included) short
                // of the total timeout, silently: the resilience pipeline owns every timeout.
                .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
            client.AddResilienceHandler($"{manifest.Id}-resilience", (pipeline, context) => Resilience(pipeline, manifest, context.ServiceProvider.GetRequiredService<TimeProvider>()));
            // Added after the resilience handler, so they run inside it: every attempt, retries and token refreshes
            // included, carries a current token and spends budget.
            if (manifest.Auth.Kind == AuthKind.OAuth2ClientCredentials)
            {
                client.AddHttpMessageHandler(sp => new BearerTokenHandler(manifest, sp.GetRequiredService<OAuth2TokenProvider>(), sp.GetRequiredService<ILogger<BearerTokenHandler>>()));
            }
            client.AddHttpMessageHandler(sp => new RateBudgetHandler(manifest, sp.GetRequiredService<RateBudgetGate>(), sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<SourceRegistry>(sp =>
        {
            var cities = sp.GetRequiredService<IOptions<TributaryOptions>>().Value.EffectiveCities;
            var connectors = manifests.Pulled.Select(m => (ISourceConnector)new ManifestConnector(
                m, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<RequestAuthenticator>(),
                sp.GetRequiredService<CursorStore>(), cities,
                sp.GetRequiredService<ILogger<ManifestConnector>>()));
            // A manifest with a Mapping is its own mapper: a JSON source, pulled or pushed, needs no class.
            var declared = manifests.Enabled.Where(m => m.Mapping is not null)
                .Select(m => (ISourceMapper)new DeclarativeMapper(m, cities.ToDictionary(c => c.Id, StringComparer.Ordinal)));
            return new SourceRegistry(connectors, sp.GetServices<ISourceMapper>(), declared);
        });
        return services;
    }

    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SourceManifest manifest, TimeProvider time)
    {
        var spec = manifest.Resilience;
        var maxWait = TimeSpan.FromSeconds(manifest.RateBudget.MaxWaitSeconds);
        TimeSpan? VendorDelay(HttpResponseMessage? response) =>
            response is not null && VendorRateLimits.BlockedUntil(response, manifest.RateBudget.Headers, time.GetUtcNow()) is { } until
                ? until - time.GetUtcNow()
                : null;

        pipeline.AddTimeout(TimeSpan.FromSeconds(spec.TotalTimeoutSeconds));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, spec.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(spec.BaseDelaySeconds),
            // Transient failures are retried, except a rate limit whose reset lies beyond what the source may wait
            // (e.g. an exhausted vendor quota): retrying before it expires only burns more of the quota.
            ShouldHandle = args => ValueTask.FromResult(spec.MaxRetries > 0 &&
                HttpClientResiliencePredicates.IsTransient(args.Outcome) &&
                !(VendorDelay(args.Outcome.Result) is { } wait && wait > maxWait)),
            DelayGenerator = args => ValueTask.FromResult(VendorDelay(args.Outcome.Result) is { } wait && wait > TimeSpan.Zero ? wait : (TimeSpan?)null),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = spec.BreakFailureRatio,
            BreakDuration = TimeSpan.FromSeconds(spec.BreakDurationSeconds),
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, spec.AttemptTimeoutSeconds * 2)),
            // A 429 says "slow down", not "broken": the retries and the rate budget deal with it. Counting it would
            // let one throttled item's retries open the circuit for every other item of the run.
            ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome) &&
                args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(spec.AttemptTimeoutSeconds));
    }
}
