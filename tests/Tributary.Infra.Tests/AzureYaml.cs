using YamlDotNet.RepresentationModel;

namespace Tributary.Infra.Tests;

/// <summary>azure.yaml read with YamlDotNet into plain maps (azd itself is not available on these machines).</summary>
internal sealed record AzureYaml(YamlMappingNode Root)
{
    public static AzureYaml Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Repo.Path("azure.yaml"));
        stream.Load(reader);
        return new AzureYaml((YamlMappingNode)Assert.Single(stream.Documents).RootNode);
    }

    public IReadOnlyDictionary<string, YamlMappingNode> Services =>
        ((YamlMappingNode)Root["services"]).Children.ToDictionary(c => Scalar(c.Key)!, c => (YamlMappingNode)c.Value);

    public static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    public static string? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Scalar(value) : null;

    public static YamlMappingNode? Map(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    public static IEnumerable<string> Keys(YamlMappingNode map) => map.Children.Keys.Select(k => Scalar(k)!);
}
