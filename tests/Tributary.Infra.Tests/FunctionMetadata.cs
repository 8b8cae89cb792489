using System.Text.Json.Nodes;

namespace Tributary.Infra.Tests;

/// <summary>
/// One entry of functions.metadata, the file Worker.Sdk generates from the app's [Function] attributes. The host
/// reads the same declarations (from the worker, or from this file when worker indexing is off).
/// </summary>
internal sealed record FunctionMetadata(string Name, string? Language, string? ScriptFile, IReadOnlyList<JsonObject> Bindings)
{
    public static IReadOnlyList<FunctionMetadata> Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .Select(f => f!.AsObject())
            .Select(f => new FunctionMetadata(
                (string)f["name"]!,
                (string?)f["language"],
                (string?)f["scriptFile"],
                (f["bindings"] as JsonArray ?? []).OfType<JsonObject>().ToList()))
            .ToList();

    /// <summary>The one binding whose type ends in "Trigger".</summary>
    public JsonObject Trigger =>
        Assert.Single(Bindings, b => ((string?)b["type"])?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true);

    public string TriggerType => (string)Trigger["type"]!;
}
