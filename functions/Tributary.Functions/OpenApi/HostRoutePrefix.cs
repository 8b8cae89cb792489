using System.Text.Json.Nodes;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// The route prefix the Functions host puts before every HTTP route: <c>extensions.http.routePrefix</c> in the
/// host.json deployed next to the worker (the repo root's host.json is copied there), <c>api</c> when unset.
/// </summary>
internal static class HostRoutePrefix
{
    /// <summary>The host's own default.</summary>
    public const string Default = "api";

    public static string Read(string directory)
    {
        var path = Path.Combine(directory, "host.json");
        if (!File.Exists(path)) return Default;
        var host = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return host?["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? Default;
    }
}
