using System.Diagnostics.CodeAnalysis;

namespace Tributary.Replay.OpenMeteo;

/// <summary>The configuration and URL spelling of <see cref="OpenMeteoFault"/> values.</summary>
internal static class OpenMeteoFaults
{
    public const string NoneName = "none";
    public const string ServerErrorName = "server-error";
    public const string TooManyConcurrentRequestsName = "too-many-concurrent-requests";
    public const string ServerErrorBurstName = "server-error-burst";
    public const string TruncatedBodyName = "truncated-body";
    public const string SchemaDriftName = "schema-drift";

    public static IReadOnlyList<string> Names { get; } =
        [NoneName, ServerErrorName, TooManyConcurrentRequestsName, ServerErrorBurstName, TruncatedBodyName, SchemaDriftName];

    public static bool TryParse([NotNullWhen(true)] string? name, out OpenMeteoFault fault)
    {
        OpenMeteoFault? parsed = name?.Trim().ToLowerInvariant() switch
        {
            NoneName or "" => OpenMeteoFault.None,
            ServerErrorName => OpenMeteoFault.ServerError,
            TooManyConcurrentRequestsName => OpenMeteoFault.TooManyConcurrentRequests,
            ServerErrorBurstName => OpenMeteoFault.ServerErrorBurst,
            TruncatedBodyName => OpenMeteoFault.TruncatedBody,
            SchemaDriftName => OpenMeteoFault.SchemaDrift,
            _ => null,
        };
        fault = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    public static string NameOf(OpenMeteoFault fault) => fault switch
    {
        OpenMeteoFault.None => NoneName,
        OpenMeteoFault.ServerError => ServerErrorName,
        OpenMeteoFault.TooManyConcurrentRequests => TooManyConcurrentRequestsName,
        OpenMeteoFault.ServerErrorBurst => ServerErrorBurstName,
        OpenMeteoFault.TruncatedBody => TruncatedBodyName,
        OpenMeteoFault.SchemaDrift => SchemaDriftName,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
