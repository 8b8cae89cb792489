using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Tributary.Replay.Hosting;

/// <summary>How a vendor joins the server: its options (validated at start-up) and its fault switch, keyed by vendor name.</summary>
internal static class VendorRegistration
{
    public const string FaultRoute = "/_replay/faults/{vendor}";

    public static IServiceCollection AddVendor<TOptions>(this IServiceCollection services, string vendor)
        where TOptions : VendorOptions
    {
        var section = $"Replay:{typeof(TOptions).Name.Replace("Options", string.Empty, StringComparison.Ordinal)}";
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section));
        services.AddKeyedSingleton(vendor, (provider, _) =>
            new FaultSwitch(vendor, provider.GetRequiredService<IOptions<TOptions>>().Value, provider.GetRequiredService<ReplayClock>().Time));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<FaultSwitch>(vendor));
        return services;
    }

    /// <summary><c>GET</c> reads a vendor's fault mode, <c>POST ?mode=</c> changes it; the same for every vendor.</summary>
    public static void MapFaultSwitches(this IEndpointRouteBuilder app)
    {
        app.MapGet(FaultRoute, IResult (string vendor, IServiceProvider services) =>
            services.GetKeyedService<FaultSwitch>(vendor) is { } faults ? TypedResults.Ok(StateOf(faults)) : TypedResults.NotFound());
        app.MapPost(FaultRoute, IResult (string vendor, string? mode, IServiceProvider services) =>
        {
            if (services.GetKeyedService<FaultSwitch>(vendor) is not { } faults) return TypedResults.NotFound();
            return faults.TrySet(mode)
                ? TypedResults.Ok(StateOf(faults))
                : TypedResults.Problem(
                    detail: $"Query parameter 'mode' must be one of {string.Join(", ", faults.Supported.Select(FaultSwitch.NameOf))}.",
                    statusCode: StatusCodes.Status400BadRequest);
        });
    }

    private static object StateOf(FaultSwitch faults) => new { vendor = faults.Vendor, mode = FaultSwitch.NameOf(faults.Mode) };

    /// <summary>Runs the options' data annotations and names each failing setting by its full key, e.g. <c>Replay:OpenAq:PerMinute</c>.</summary>
    private sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            List<ValidationResult> results = [];
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            return results.Count == 0 ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(result => $"{section}:{string.Join(',', result.MemberNames)}: {result.ErrorMessage}"));
        }
    }
}
