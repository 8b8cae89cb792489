using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Views;

public static class ViewsServiceCollectionExtensions
{
    /// <summary>Saved dashboard views: the body reader and table <c>views</c>.</summary>
    public static IServiceCollection AddTributaryViews(this IServiceCollection services)
    {
        services.AddSingleton<ViewDraftReader>();
        services.AddSingleton<ViewStore>();
        return services;
    }
}
