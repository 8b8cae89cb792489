using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>Wires the Open-Meteo replay into the server: services, vendor routes and the fault switch.</summary>
internal static class OpenMeteoReplayExtensions
{
    public const string VendorName = "open-meteo";
    public const string FaultSwitchRoute = "/_replay/faults/" + VendorName;

    public static IServiceCollection AddOpenMeteo(this IServiceCollection services)
    {
        services.AddOptions<OpenMeteoOptions>().BindConfiguration(OpenMeteoOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenMeteoOptions>, OpenMeteoOptionsValidator>();
        services.AddSingleton(provider => new WeatherGenerator(provider.GetRequiredService<IOptions<ReplayOptions>>().Value.Seed));
        services.AddSingleton<LocationForecastBuilder>();
        services.AddSingleton<OpenMeteoFaultSwitch>();
        services.AddSingleton<OpenMeteoRateLimiter>();
        services.AddSingleton<OpenMeteoResponder>();
        services.AddSingleton(new ReplayVendor(
            VendorName,
            "Open-Meteo forecast and historical (archive) weather API, hourly variables generated from the seed.",
            ["GET /v1/forecast", "GET /v1/archive"],
            FaultSwitchRoute));
        return services;
    }

    public static IEndpointRouteBuilder MapOpenMeteo(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/forecast", (HttpContext context, OpenMeteoResponder responder) =>
            responder.RespondAsync(context, OpenMeteoApi.Forecast));
        endpoints.MapGet("/v1/archive", (HttpContext context, OpenMeteoResponder responder) =>
            responder.RespondAsync(context, OpenMeteoApi.Archive));

        endpoints.MapFaultSwitch<OpenMeteoFaultSwitch>(FaultSwitchRoute);
        return endpoints;
    }
}
