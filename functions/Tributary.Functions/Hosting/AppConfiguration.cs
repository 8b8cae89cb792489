using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Tributary.Functions.Hosting;

/// <summary>Where the app's configuration comes from besides the host's app settings.</summary>
public static class AppConfiguration
{
    /// <summary>
    /// Adds every <c>sources/*.json</c> manifest next to the app, before the environment variables, so an app
    /// setting such as <c>Sources__OpenMeteo__BaseUrl</c> still overrides what a manifest says.
    /// </summary>
    public static void AddSourceManifests(IConfigurationManager configuration)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "sources");
        if (!Directory.Exists(folder)) return;
        InsertBeforeEnvironment(configuration, Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(file =>
        {
            var json = new JsonConfigurationSource { Path = file, Optional = false, ReloadOnChange = false };
            json.ResolveFileProvider();
            return (IConfigurationSource)json;
        }));
    }

    /// <summary>
    /// For the command line, which no Functions host starts: the Values of a <c>local.settings.json</c> next to the
    /// app, as the host would have passed them, under whatever the environment already says.
    /// </summary>
    public static void AddLocalSettings(IConfigurationManager configuration)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "local.settings.json");
        if (!File.Exists(file)) return;
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        if (!doc.RootElement.TryGetProperty("Values", out var values)) return;
        var settings = values.EnumerateObject()
            .Where(p => Environment.GetEnvironmentVariable(p.Name) is null)
            .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.ToString()))
            .ToList();
        InsertBeforeEnvironment(configuration, [new MemoryConfigurationSource { InitialData = settings }]);
    }

    /// <summary>Adds configuration sources just before the environment variables, so app settings still win over them.</summary>
    private static void InsertBeforeEnvironment(IConfigurationManager configuration, IEnumerable<IConfigurationSource> added)
    {
        var sources = configuration.Sources;
        var at = sources.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is EnvironmentVariablesConfigurationSource).i;
        foreach (var source in added) sources.Insert(at++, source);
    }
}
