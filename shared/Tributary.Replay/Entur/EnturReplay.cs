using Microsoft.Extensions.Options;
using Tributary.Replay.Entur.Auth;
using Tributary.Replay.Entur.Gtfs;
using Tributary.Replay.Entur.JourneyPlanner;
using Tributary.Replay.Entur.Network;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur;

/// <summary>Entur replay: Journey Planner v3 GraphQL, national GTFS static ZIP and the partner OAuth2 token endpoint.</summary>
internal static class EnturReplay
{
    public const string VendorName = "entur";
    public const string FaultSwitchRoute = "/_replay/faults/" + VendorName;

    /// <summary>Test-only: every token issued so far expires at once (by the replay clock).</summary>
    public const string ExpireTokensRoute = "/_replay/entur/expire-tokens";

    public static IServiceCollection AddEntur(this IServiceCollection services)
    {
        services.AddOptions<EnturOptions>().BindConfiguration(EnturOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EnturOptions>, EnturOptionsValidator>();
        services.AddSingleton(_ => new Timetable(EnturNetwork.Instance));
        services.AddSingleton(provider => new RealtimeModel(provider.GetRequiredService<IOptions<ReplayOptions>>().Value.Seed));
        services.AddSingleton<DepartureBoard>();
        services.AddSingleton<GtfsFeedBuilder>();
        services.AddSingleton<GtfsFeedCache>();
        services.AddSingleton<EnturFaultSwitch>();
        services.AddSingleton<EnturRateLimiter>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<JourneyPlannerResponder>();
        services.AddSingleton<GtfsResponder>();
        services.AddSingleton(new ReplayVendor(
            VendorName,
            "Entur: Journey Planner v3 departure boards (GraphQL, ET-Client-Name, rate limits, optional partner Bearer token), "
            + "the trimmed national GTFS static ZIP and the partner OAuth2 token endpoint, for 12 stop places in Oslo, Bergen "
            + $"and Trondheim, generated from the seed. Test hook: POST {ExpireTokensRoute}.",
            [$"POST {JourneyPlannerResponder.Route}", $"GET {GtfsResponder.Route}", $"POST {TokenEndpoint.Route}"],
            FaultSwitchRoute));
        return services;
    }

    public static IEndpointRouteBuilder MapEntur(this IEndpointRouteBuilder app)
    {
        app.MapPost(JourneyPlannerResponder.Route, (HttpContext context, JourneyPlannerResponder responder) => responder.RespondAsync(context));
        app.MapMethods(GtfsResponder.Route, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, GtfsResponder responder) => responder.RespondAsync(context));
        app.MapPost(TokenEndpoint.Route, (HttpContext context, TokenEndpoint endpoint) => endpoint.RespondAsync(context));

        app.MapFaultSwitch<EnturFaultSwitch>(FaultSwitchRoute);
        app.MapPost(ExpireTokensRoute, (TokenStore tokens, ILoggerFactory loggers) =>
        {
            var expired = tokens.ExpireAll();
            EnturLog.TokensExpired(loggers.CreateLogger(typeof(EnturReplay)), expired);
            return TypedResults.Ok(new ExpiredTokens(expired));
        });
        return app;
    }

    /// <summary>Body of <see cref="ExpireTokensRoute"/>: how many still-valid tokens were ended.</summary>
    internal sealed record ExpiredTokens(int Expired);
}
