using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Tributary.Configuration;
using Tributary.Marts;
using Tributary.Sources.Manifests;

namespace Tributary.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Alert rules from section <c>Alerts</c> (validated at start-up, naming the setting), the evaluator, the incident
    /// store, the outbox and the webhook delivery with its own resilient HttpClient.
    /// </summary>
    public static IServiceCollection AddTributaryAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertsOptions>().Bind(configuration.GetSection(AlertsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertDeliveryService>();
        services.AddHttpClient(AlertDeliveryService.HttpClientName)
            // The pipeline owns every timeout (HttpClient's 100 s default would cut it short silently), and the URL may hold a token: log none.
            .RemoveAllLoggers()
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("alerts-webhook", pipeline =>
            {
                // A short in-call retry rides out a blip; a longer outage is the queue's job (visibility timeout, then poison).
                pipeline.AddTimeout(TimeSpan.FromSeconds(30));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
        return services;
    }

    private sealed class AlertsOptionsValidator(KpiCatalog catalog, SourceManifests manifests, IOptions<TributaryOptions> tributary) : IValidateOptions<AlertsOptions>
    {
        public ValidateOptionsResult Validate(string? name, AlertsOptions options)
        {
            var problems = options.Validate(catalog, [.. manifests.ByKey.Values.Select(m => m.Id)], [.. tributary.Value.EffectiveCities.Select(c => c.Id)]).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
