using Microsoft.Extensions.Options;
using Tributary.Replay.Entur.Auth;
using Tributary.Replay.Entur.Gtfs;
using Tributary.Replay.Entur.JourneyPlanner;
using Tributary.Replay.Entur.Network;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur;

/// <summary>Entur: Journey Planner v3 GraphQL, the national GTFS static ZIP and the partner OAuth2 token endpoint, over one network.</summary>
internal static class EnturReplay
{
    public const string Vendor = "entur";

    /// <summary>Test hook: every token issued so far expires at once (by the replay clock).</summary>
    public const string ExpireTokensRoute = "/_replay/entur/expire-tokens";

    public static IServiceCollection AddEntur(this IServiceCollection services)
    {
        services.AddVendor<EnturOptions>(Vendor);
        services.AddSingleton(EnturNetwork.Demo);
        services.AddSingleton(provider => new RealtimeModel(provider.GetRequiredService<IOptions<ReplayOptions>>().Value.Seed));
        services.AddSingleton<DepartureBoard>();
        services.AddSingleton<GtfsFeedCache>();
        services.AddSingleton<EnturRateLimiter>();
        services.AddSingleton<PartnerTokens>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<JourneyPlannerSchema>();
        services.AddSingleton<JourneyPlannerResponder>();
        services.AddSingleton<GtfsResponder>();
        return services;
    }

    public static void MapEntur(this IEndpointRouteBuilder app)
    {
        app.MapPost(JourneyPlannerResponder.Route, (HttpContext context, JourneyPlannerResponder responder) => responder.RespondAsync(context));
        app.MapMethods(GtfsResponder.Route, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, GtfsResponder responder) => responder.RespondAsync(context));
        app.MapPost(TokenEndpoint.Route, (HttpContext context, TokenEndpoint endpoint) => endpoint.RespondAsync(context));
        app.MapPost(ExpireTokensRoute, (PartnerTokens tokens) => TypedResults.Ok(new { expired = tokens.ExpireAll() }));
    }
}
