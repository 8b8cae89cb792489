using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenAq;

/// <summary>OpenAQ v3 replay: station discovery and hourly means per sensor, behind an API key and per-key rate limits.</summary>
internal static class OpenAqReplay
{
    public const string VendorName = "openaq";
    public const string FaultSwitchRoute = "/_replay/faults/" + VendorName;

    public static IServiceCollection AddOpenAq(this IServiceCollection services)
    {
        services.AddOptions<OpenAqOptions>().BindConfiguration(OpenAqOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenAqOptions>, OpenAqOptionsValidator>();
        services.AddSingleton<OpenAqFaultSwitch>();
        services.AddSingleton<OpenAqRateLimiter>();
        services.AddSingleton(provider => new AirQualityGenerator(provider.GetRequiredService<IOptions<ReplayOptions>>().Value.Seed));
        services.AddSingleton<OpenAqResponder>();
        services.AddSingleton(new ReplayVendor(
            VendorName,
            $"OpenAQ v3: 9 stations (3 per demo city) with pm25, pm10, no2 and o3 sensors, hourly means generated from the seed, "
            + $"X-API-Key (demo key '{OpenAqOptions.DemoApiKey}'), page/limit paging and per-key limits with x-ratelimit-* headers.",
            [$"GET {OpenAqResponder.LocationsRoute}", $"GET {OpenAqResponder.LocationRoute}", $"GET {OpenAqResponder.HoursRoute}"],
            FaultSwitchRoute));
        return services;
    }

    public static IEndpointRouteBuilder MapOpenAq(this IEndpointRouteBuilder app)
    {
        app.MapGet(OpenAqResponder.LocationsRoute, (HttpContext context, OpenAqResponder responder) => responder.LocationsAsync(context));
        app.MapGet(OpenAqResponder.LocationRoute, (HttpContext context, int id, OpenAqResponder responder) => responder.LocationAsync(context, id));
        app.MapGet(OpenAqResponder.HoursRoute, (HttpContext context, int id, OpenAqResponder responder) => responder.HoursAsync(context, id));
        app.MapFaultSwitch<OpenAqFaultSwitch>(FaultSwitchRoute);
        return app;
    }
}
