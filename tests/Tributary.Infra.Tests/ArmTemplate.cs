using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Infra.Tests;

/// <summary>One template in a compiled Bicep deployment: the root, or a module's nested deployment template.</summary>
internal sealed record TemplateScope(string Name, JsonObject Template, JsonObject? Deployment)
{
    public IEnumerable<JsonObject> Resources => ArmTemplate.ResourcesOf(Template);

    public IEnumerable<(string Name, JsonObject Parameter)> Parameters =>
        (Template["parameters"] as JsonObject ?? []).Select(p => (p.Key, p.Value!.AsObject()));

    public IEnumerable<(string Name, JsonObject Output)> Outputs =>
        (Template["outputs"] as JsonObject ?? []).Select(o => (o.Key, o.Value!.AsObject()));

    public JsonObject Variables => Template["variables"] as JsonObject ?? [];

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value (an expression, or JSON for non-strings) a module deployment passes for a parameter.</summary>
    public string PassedValue(string parameter) =>
        ArmTemplate.Text(Deployment?["properties"]?["parameters"]?[parameter]?["value"]);
}

/// <summary>Walks a compiled ARM template, including the nested templates Bicep emits for modules.</summary>
internal static class ArmTemplate
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A string node's value, or any other node as JSON with quotes and apostrophes left readable.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(Readable),
    };

    public static IReadOnlyList<TemplateScope> Scopes(JsonObject root)
    {
        var scopes = new List<TemplateScope>();
        Walk("main", root, null);
        return scopes;

        void Walk(string name, JsonObject template, JsonObject? deployment)
        {
            scopes.Add(new TemplateScope(name, template, deployment));
            foreach (var resource in ResourcesOf(template))
            {
                if (string.Equals((string?)resource["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                    && resource["properties"]?["template"] is JsonObject nested)
                {
                    Walk((string?)resource["name"] ?? "?", nested, resource);
                }
            }
        }
    }

    /// <summary>Resources as an array (language version 1) or a symbolic-name map (language version 2).</summary>
    public static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    public static IEnumerable<JsonObject> AllResources(JsonObject root) =>
        Scopes(root).SelectMany(s => s.Resources);

    public static IEnumerable<JsonObject> AllOfType(JsonObject root, string type) =>
        Scopes(root).SelectMany(s => s.OfType(type));

    /// <summary>Every string value in the tree, property names included.</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    yield return key;
                    foreach (var s in Strings(value))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return text;
                break;
        }
    }
}
