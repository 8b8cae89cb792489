namespace Tributary.Replay.Entur;

/// <summary>Entur replay: Journey Planner v3 GraphQL, national GTFS static ZIP and the partner OAuth2 token endpoint.</summary>
internal static class EnturReplay
{
    public static IServiceCollection AddEntur(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapEntur(this IEndpointRouteBuilder app) => app;
}
