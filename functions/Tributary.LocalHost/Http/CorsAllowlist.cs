using Microsoft.AspNetCore.Cors.Infrastructure;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Http;

/// <summary>
/// The browser origins allowed to call the API: <c>Host.CORS</c> in local.settings.json (as Core Tools reads it) and
/// the app setting <c>Cors__AllowedOrigins</c> (comma- or semicolon-separated; in Azure the same list is the
/// function app's CORS). Requests may send the validators, a token and a key; answers expose ETag and Retry-After.
/// </summary>
public static class CorsAllowlist
{
    public const string Setting = "Cors__AllowedOrigins";

    public static readonly string[] AllowedHeaders = ["If-None-Match", "Authorization", "Content-Type", "x-functions-key"];
    public static readonly string[] ExposedHeaders = ["ETag", "Retry-After"];
    public static readonly string[] AllowedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<string> Origins(AppSettings settings) =>
    [
        .. settings.CorsOrigins
            .Concat((settings.Get(Setting) ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ];

    public static void Apply(CorsPolicyBuilder policy, AppSettings settings) => policy
        .WithOrigins([.. Origins(settings)])
        .WithMethods(AllowedMethods)
        .WithHeaders(AllowedHeaders)
        .WithExposedHeaders(ExposedHeaders)
        .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
}
