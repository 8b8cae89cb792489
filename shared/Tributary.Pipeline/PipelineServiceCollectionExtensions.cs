using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Quality;
using Tributary.Health;
using Tributary.Landing;
using Tributary.Marts;
using Tributary.Query;
using Tributary.Sources;
using Tributary.Sources.Entur;
using Tributary.Sources.Gtfs;
using Tributary.Sources.OpenAq;
using Tributary.Storage;
using Tributary.Views;
using Tributary.Alerts;

namespace Tributary;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the whole pipeline: storage (from the <c>AzureWebJobsStorage</c> setting), sources, the three
    /// stages and the query service. Options are validated at start-up with messages that name the setting.
    /// </summary>
    public static IServiceCollection AddTributaryPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddOptions<TributaryOptions>()
            .Bind(configuration.GetSection(TributaryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TributaryOptions>, TributaryOptionsValidator>();

        services.AddSingleton(sp => StorageAccount.FromConfiguration(configuration));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<JsonQueue>();
        services.AddSingleton<RawPayloadStore>();
        services.AddSingleton<RunRecordStore>();
        services.AddSingleton(sp => new ObservationStore(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton<QuarantineStore>();
        services.AddSingleton<QualityStore>();
        services.AddSingleton<DriftStore>();
        services.AddSingleton<DimensionStore>();
        services.AddSingleton(sp => new KpiStore(sp.GetRequiredService<StorageAccount>(), events: sp.GetService<KpiMartEvents>(), extents: sp.GetService<KpiExtentStore>()));
        services.AddSingleton<IngestionService>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<SourceScheduler>();
        services.AddSingleton<Curator>();
        services.AddSingleton<Aggregator>();
        services.AddSingleton<KpiQueryService>();
        services.AddTributaryKpiReads(configuration);
        services.AddTributaryKpis(configuration);
        services.AddTributaryDrillAndStatus();
        services.AddSingleton<Backfill.BackfillService>();
        services.AddSingleton<Replay.LandedPages>();
        services.AddSingleton<Replay.RawReplayStore>();
        services.AddSingleton<Replay.RawReplayService>();
        services.AddSingleton<IReadOnlyDictionary<string, City>>(sp =>
            sp.GetRequiredService<IOptions<TributaryOptions>>().Value.EffectiveCities.ToDictionary(c => c.Id, StringComparer.Ordinal));

        services.AddTributarySources(configuration);
        services.AddTributaryViews().AddTributaryAlerts(configuration);
        Push.PushServiceCollectionExtensions.AddTributaryPush(services);
        services.AddSingleton<ISourceMapper, OpenAqHoursMapper>();
        services.AddSingleton<ISourceMapper, GtfsFeedMapper>();
        services.AddSingleton<ISourceMapper>(sp => new JourneyPlannerMapper(JourneyPlannerMapper.OpenId, sp.GetRequiredService<IReadOnlyDictionary<string, City>>()));
        services.AddSingleton<ISourceMapper>(sp => new JourneyPlannerMapper(JourneyPlannerMapper.PartnerId, sp.GetRequiredService<IReadOnlyDictionary<string, City>>()));
        // Storage clients retry for about a minute; health must answer long before that.
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Reports every problem of <see cref="TributaryOptions"/> at once, each naming its setting.</summary>
    private sealed class TributaryOptionsValidator : IValidateOptions<TributaryOptions>
    {
        public ValidateOptionsResult Validate(string? name, TributaryOptions options)
        {
            var problems = options.Validate().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
