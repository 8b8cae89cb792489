using Tributary.Functions.Http.V1;

// In the namespace of IServiceCollection, as service registrations usually are, so FunctionApp calls it in one line.
namespace Microsoft.Extensions.DependencyInjection;

public static class DrillServiceCollectionExtensions
{
    /// <summary>What the drill-down, sources and quality functions need beyond the pipeline: the run-now launcher.</summary>
    public static IServiceCollection AddTributaryDrillFunctions(this IServiceCollection services)
    {
        services.AddSingleton<SourcesRunNow>();
        return services;
    }
}
