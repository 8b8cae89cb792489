using System.Text.Json.Nodes;
using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Metadata;

/// <summary>
/// One function as the worker indexed it (<c>FunctionMetadataResponse</c>): its id, the metadata to echo in the
/// load request, and its trigger binding read from the raw binding JSON the worker sends with it.
/// </summary>
public sealed record FunctionMetadata(string Name, string FunctionId, RpcFunctionMetadata Rpc, JsonObject Trigger, IReadOnlyList<JsonObject> Bindings)
{
    public string TriggerType => Trigger["type"]?.GetValue<string>() ?? "";

    public string TriggerName => Trigger["name"]?.GetValue<string>() ?? "";

    public bool IsHttp => string.Equals(TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase);

    public string? Property(string name) =>
        Trigger.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    public static FunctionMetadata From(RpcFunctionMetadata rpc)
    {
        var bindings = rpc.RawBindings.Select(raw => JsonNode.Parse(raw) as JsonObject
            ?? throw new InvalidOperationException($"Function '{rpc.Name}': a raw binding is not a JSON object: {raw}")).ToList();
        var triggers = bindings.Where(b => (b["type"]?.GetValue<string>() ?? "").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToList();
        if (triggers.Count != 1)
        {
            throw new InvalidOperationException($"Function '{rpc.Name}' must declare exactly one trigger binding, found {triggers.Count}.");
        }
        return new FunctionMetadata(rpc.Name, rpc.FunctionId, rpc, triggers[0], bindings);
    }
}
