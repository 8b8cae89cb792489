using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Marts;

namespace Tributary.Query;

public static class KpiReadServiceCollectionExtensions
{
    /// <summary>
    /// The v1 reads: the mart cache (told of rewrites through <see cref="KpiMartEvents"/>), the KPI extents the
    /// aggregate stage keeps, the stop places of the stop dimension, and <see cref="KpiReadService"/>.
    /// </summary>
    public static IServiceCollection AddTributaryKpiReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KpiReadOptions>().Bind(configuration.GetSection(KpiReadOptions.SectionName));
        services.AddSingleton<KpiMartEvents>();
        services.AddSingleton<KpiExtentStore>();
        services.AddSingleton<KpiReadCache>();
        services.AddSingleton<StopPlaceDirectory>();
        services.AddSingleton<KpiReadService>();
        return services;
    }
}
