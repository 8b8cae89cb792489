using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Marts.Kpis;

namespace Tributary.Marts;

public static class KpiServiceCollectionExtensions
{
    /// <summary>Registers one KPI: it appears in <see cref="KpiCatalog"/>, the aggregate stage computes it and the API serves it.</summary>
    public static IServiceCollection AddKpi<TKpi>(this IServiceCollection services) where TKpi : KpiDefinition
    {
        services.AddSingleton<TKpi>();
        services.AddSingleton<KpiDefinition>(sp => sp.GetRequiredService<TKpi>());
        return services;
    }

    /// <summary>The marts: KPI options (validated at start-up), the default KPIs and the catalog.</summary>
    public static IServiceCollection AddTributaryKpis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KpiOptions>().Bind(configuration.GetSection(KpiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KpiOptions>, KpiOptionsValidator>();
        services.AddSingleton<KpiCatalog>();

        // Thermal comfort first: the dashboard opens on the catalog's first KPI, and weather is there from the first run.
        services.AddKpi<ThermalComfortFactor>();
        services.AddKpi<Pm25AqiEquivalent>();
        services.AddKpi<OnTimePerformance>();
        services.AddKpi<MeanDepartureDelay>();
        services.AddKpi<CancellationRate>();
        services.AddKpi<ServiceDelivered>();
        services.AddKpi<CommuteStress>();
        services.AddKpi<DelayExposure>();
        services.AddKpi<AirQualityAdjustedStress>();
        return services;
    }

    private sealed class KpiOptionsValidator : IValidateOptions<KpiOptions>
    {
        public ValidateOptionsResult Validate(string? name, KpiOptions options)
        {
            var problems = options.Validate().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
