using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenAq;

/// <summary>OpenAQ v3: hourly means per sensor behind an API key, page/limit paging and per-key rate limits.</summary>
internal static class OpenAqReplay
{
    public const string Vendor = "openaq";

    public static IServiceCollection AddOpenAq(this IServiceCollection services) => services
        .AddVendor<OpenAqOptions>(Vendor)
        .AddSingleton<OpenAqRateLimiter>()
        .AddSingleton(provider => new HourlyMeans(provider.GetRequiredService<IOptions<ReplayOptions>>().Value.Seed))
        .AddSingleton<OpenAqResponder>();

    public static void MapOpenAq(this IEndpointRouteBuilder app) =>
        app.MapGet(OpenAqResponder.HoursRoute, (HttpContext context, string id, OpenAqResponder responder) => responder.HoursAsync(context, id));
}
