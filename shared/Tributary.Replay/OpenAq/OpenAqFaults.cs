using System.Diagnostics.CodeAnalysis;

namespace Tributary.Replay.OpenAq;

/// <summary>The configuration and URL spelling of <see cref="OpenAqFault"/> values.</summary>
internal static class OpenAqFaults
{
    public const string NoneName = "none";

    private static readonly Dictionary<string, OpenAqFault> ByName = new(StringComparer.Ordinal)
    {
        [NoneName] = OpenAqFault.None,
        ["server-error"] = OpenAqFault.ServerError,
        ["server-error-burst"] = OpenAqFault.ServerErrorBurst,
        ["timeout-408"] = OpenAqFault.Timeout408,
        ["truncated-body"] = OpenAqFault.TruncatedBody,
        ["malformed-json"] = OpenAqFault.MalformedJson,
        ["schema-drift"] = OpenAqFault.SchemaDrift,
        ["slow"] = OpenAqFault.Slow,
    };

    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

    public static bool TryParse([NotNullWhen(true)] string? name, out OpenAqFault fault)
    {
        var key = name?.Trim().ToLowerInvariant();
        if (key is "") key = NoneName;
        return ByName.TryGetValue(key ?? "\0", out fault);
    }

    public static string NameOf(OpenAqFault fault) => ByName.First(pair => pair.Value == fault).Key;
}
