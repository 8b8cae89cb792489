using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>Open-Meteo: the forecast and the air-quality API, under one set of per-IP rate limits and one fault switch.</summary>
internal static class OpenMeteoReplay
{
    public const string Vendor = "open-meteo";

    public static IServiceCollection AddOpenMeteo(this IServiceCollection services)
    {
        services.AddVendor<OpenMeteoOptions>(Vendor);
        services.AddSingleton<OpenMeteoRateLimiter>();
        services.AddSingleton<OpenMeteoResponder>();
        return services;
    }

    public static void MapOpenMeteo(this IEndpointRouteBuilder app)
    {
        var seed = app.ServiceProvider.GetRequiredService<IOptions<ReplayOptions>>().Value.Seed;
        foreach (var api in new[] { OpenMeteoApi.Forecast(seed), OpenMeteoApi.AirQuality(seed) })
        {
            app.MapGet(api.Path, (HttpContext context, OpenMeteoResponder responder) => responder.RespondAsync(context, api));
        }
    }
}
