using Microsoft.Extensions.DependencyInjection;
using Tributary.Marts;
using Tributary.Query.Drill;
using Tributary.Query.QualityReport;
using Tributary.Query.Raw;
using Tributary.Query.Status;

namespace Tributary.Query;

public static class QueryApiServiceCollectionExtensions
{
    /// <summary>The drill-down (KPI bucket to observations to raw payload), sources status and data-quality queries.</summary>
    public static IServiceCollection AddTributaryDrillAndStatus(this IServiceCollection services)
    {
        services.AddOptions<RawPayloadOptions>()
            .BindConfiguration(RawPayloadOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<KpiInputReader>();
        services.AddSingleton<KpiDrillService>();
        services.AddSingleton<RawPayloadReader>();
        services.AddSingleton<Landing.RunHistoryStore>();
        services.AddSingleton<SourceStatusService>();
        services.AddSingleton<QualityReportService>();
        return services;
    }
}
