using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tributary.LocalHost.Metadata;

/// <summary>
/// App settings as Core Tools assembles them: <c>local.settings.json</c> Values, overridden by environment variables,
/// overridden by explicit settings. Resolves <c>%NAME%</c> binding expressions like the host does.
/// </summary>
public sealed partial class AppSettings
{
    private readonly Dictionary<string, string> _values;

    public AppSettings(IReadOnlyDictionary<string, string> values, IReadOnlyList<string>? corsOrigins = null)
    {
        _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        CorsOrigins = corsOrigins ?? [];
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// Origins allowed to call the host from a browser: <c>Host.CORS</c> in local.settings.json, comma-separated,
    /// as Core Tools reads it (in Azure the platform's CORS settings, or a Static Web Apps linked backend, do this).
    /// </summary>
    public IReadOnlyList<string> CorsOrigins { get; }

    public static AppSettings Load(string? settingsFile, IReadOnlyDictionary<string, string?> overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string> cors = [];
        if (settingsFile is not null && File.Exists(settingsFile))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(settingsFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.TryGetProperty("Host", out var host) && host.ValueKind == JsonValueKind.Object &&
                host.TryGetProperty("CORS", out var origins) && origins.ValueKind == JsonValueKind.String)
            {
                cors = origins.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            if (doc.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in section.EnumerateObject())
                {
                    values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }
        }
        foreach (var name in values.Keys.ToList())
        {
            if (Environment.GetEnvironmentVariable(name) is { } fromEnvironment)
            {
                values[name] = fromEnvironment;
            }
        }
        foreach (var (name, value) in overrides)
        {
            if (value is null) values.Remove(name);
            else values[name] = value;
        }
        return new AppSettings(values, cors);
    }

    /// <summary>A setting from these values, else from the environment.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name);

    /// <summary>Replaces every <c>%NAME%</c> with its setting; an unknown name is a start-up error, as in the host.</summary>
    public string Resolve(string expression, string context) => SettingToken().Replace(expression, match =>
        Get(match.Groups[1].Value) ?? throw new InvalidOperationException(
            $"{context}: '%{match.Groups[1].Value}%' does not resolve: no app setting named '{match.Groups[1].Value}'."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingToken();
}
