using Microsoft.Extensions.Options;
using Tributary.Replay.Entur;
using Tributary.Replay.Hosting;
using Tributary.Replay.OpenAq;
using Tributary.Replay.OpenMeteo;

namespace Tributary.Replay;

/// <summary>
/// The offline vendor replay server: answers like the vendors (same paths, shapes, status codes and error bodies)
/// with data generated from a seed, so the demo and the tests need no network.
/// </summary>
public static class ReplayServer
{
    /// <summary>Where the server listens when no <c>--urls</c>, <c>ASPNETCORE_URLS</c> or port setting is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7080";

    /// <summary>Builds the app (does not start it).</summary>
    /// <param name="args">Normal ASP.NET Core arguments, e.g. <c>--urls http://127.0.0.1:7080</c> or <c>--Replay:Seed=7</c>.</param>
    /// <param name="time">The clock "now" comes from; defaults to <see cref="TimeProvider.System"/>. Tests pass a fake.</param>
    /// <exception cref="OptionsValidationException">A <c>Replay</c> setting is invalid; the message names it.</exception>
    public static WebApplication Build(string[] args, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(args);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ReplayServer).Assembly.GetName().Name });
        var configuration = builder.Configuration;
        var listens = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!listens) builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddSingleton(new ReplayClock(time ?? TimeProvider.System));
        builder.Services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.SectionName).ValidateOnStart();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenMeteo();
        builder.Services.AddEntur();
        builder.Services.AddOpenAq();

        var app = builder.Build();

        // Fail at Build, not at the first request, when a setting is wrong.
        app.Services.GetRequiredService<IStartupValidator>().Validate();

        app.MapGet("/", (IOptions<ReplayOptions> options, IEnumerable<FaultSwitch> vendors) => TypedResults.Ok(new
        {
            service = "tributary-replay",
            seed = options.Value.Seed,
            vendors = vendors.Select(v => new { name = v.Vendor, faults = v.Supported.Select(FaultSwitch.NameOf) }),
        }));
        app.MapHealthChecks("/healthz");
        app.MapFaultSwitches();
        app.MapOpenMeteo();
        app.MapEntur();
        app.MapOpenAq();
        return app;
    }
}
