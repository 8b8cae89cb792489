using System.Text.Json.Nodes;
using Tributary.Testing;

namespace Tributary.Tests.Push;

/// <summary>The README's push source example is the shipped manifest, so the documentation cannot drift from it.</summary>
public sealed class PushIngestionReadmeTests
{
    [Fact]
    public void The_README_push_example_is_the_shipped_city_counters_manifest()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        const string begin = "<!-- push-example: functions/Tributary.Functions/sources/city-counters.json -->";
        var start = readme.IndexOf(begin, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no push-example marker");
        var fence = readme.IndexOf("```json", start, StringComparison.Ordinal) + "```json".Length;
        var example = readme[fence..readme.IndexOf("```", fence, StringComparison.Ordinal)];
        var shipped = File.ReadAllText(RepoPaths.Combine("functions", "Tributary.Functions", "sources", "city-counters.json"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(shipped)), "the README's push example differs from sources/city-counters.json");
    }
}
