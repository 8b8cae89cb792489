using System.Diagnostics.CodeAnalysis;

namespace Tributary.Replay.Entur;

/// <summary>The configuration and URL spelling of <see cref="EnturFault"/> values.</summary>
internal static class EnturFaults
{
    public const string NoneName = "none";
    public const string ServerErrorName = "server-error";
    public const string Timeout422Name = "timeout-422";
    public const string MalformedJsonName = "malformed-json";
    public const string SchemaDriftName = "schema-drift";
    public const string SlowName = "slow";
    public const string TruncatedZipName = "truncated-zip";

    public static IReadOnlyList<string> Names { get; } =
        [NoneName, ServerErrorName, Timeout422Name, MalformedJsonName, SchemaDriftName, SlowName, TruncatedZipName];

    public static bool TryParse([NotNullWhen(true)] string? name, out EnturFault fault)
    {
        EnturFault? parsed = name?.Trim().ToLowerInvariant() switch
        {
            NoneName or "" => EnturFault.None,
            ServerErrorName => EnturFault.ServerError,
            Timeout422Name => EnturFault.Timeout422,
            MalformedJsonName => EnturFault.MalformedJson,
            SchemaDriftName => EnturFault.SchemaDrift,
            SlowName => EnturFault.Slow,
            TruncatedZipName => EnturFault.TruncatedZip,
            _ => null,
        };
        fault = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    public static string NameOf(EnturFault fault) => fault switch
    {
        EnturFault.None => NoneName,
        EnturFault.ServerError => ServerErrorName,
        EnturFault.Timeout422 => Timeout422Name,
        EnturFault.MalformedJson => MalformedJsonName,
        EnturFault.SchemaDrift => SchemaDriftName,
        EnturFault.Slow => SlowName,
        EnturFault.TruncatedZip => TruncatedZipName,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
