using Microsoft.Extensions.Configuration;
using Tributary.Sources.Manifests;

namespace Tributary.Testing;

/// <summary>The source manifests the function app ships (<c>functions/Tributary.Functions/sources/*.json</c>), loaded as the app loads them.</summary>
public static class ShippedManifests
{
    public static SourceManifests Load()
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in Directory.GetFiles(RepoPaths.Combine("functions", "Tributary.Functions", "sources"), "*.json").Order(StringComparer.Ordinal))
        {
            builder.AddJsonFile(file);
        }
        builder.AddInMemoryCollection(PipelineHarness.Schedules.Select(s => new KeyValuePair<string, string?>(s, PipelineHarness.NeverDuringTests)));
        return SourceManifests.Load(builder.Build());
    }

    public static SourceManifest Get(string sourceId) => Load().Get(sourceId);
}
