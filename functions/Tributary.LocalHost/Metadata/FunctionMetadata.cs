using System.Text.Json.Nodes;

namespace Tributary.LocalHost.Metadata;

/// <summary>One function as declared by <c>{AppRoot}/{Name}/function.json</c>.</summary>
public sealed record FunctionMetadata(string Name, JsonObject Trigger, IReadOnlyList<JsonObject> Bindings)
{
    public string TriggerType => Trigger["type"]?.GetValue<string>() ?? "";

    public string TriggerName => Trigger["name"]?.GetValue<string>() ?? "";

    public string? Property(string name) => Trigger[name]?.ToString();

    /// <summary>Reads every function folder under the app root: the folder name is the function name.</summary>
    public static IReadOnlyList<FunctionMetadata> LoadAll(string appRoot)
    {
        var functions = new List<FunctionMetadata>();
        foreach (var file in Directory.EnumerateFiles(appRoot, "function.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetDirectoryName(Path.GetDirectoryName(file)) != Path.GetFullPath(appRoot).TrimEnd(Path.DirectorySeparatorChar))
            {
                continue; // Only direct children of the app root are functions.
            }
            var name = Path.GetFileName(Path.GetDirectoryName(file))!;
            var bindings = (JsonNode.Parse(File.ReadAllText(file))?["bindings"] as JsonArray)
                ?.OfType<JsonObject>().ToList()
                ?? throw new InvalidOperationException($"{file} has no 'bindings' array.");
            var triggers = bindings.Where(b => (b["type"]?.GetValue<string>() ?? "").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToList();
            if (triggers.Count != 1)
            {
                throw new InvalidOperationException($"{file} must declare exactly one trigger binding, found {triggers.Count}.");
            }
            functions.Add(new FunctionMetadata(name, triggers[0], bindings));
        }
        if (functions.Count == 0)
        {
            throw new InvalidOperationException($"No function.json found under '{appRoot}'.");
        }
        return functions;
    }
}
