using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors.Requests;

/// <summary>GraphQL over HTTP: a POST of <c>{"query", "variables"}</c>, with the page cursor as a variable for pageInfo paging.</summary>
public sealed class GraphQLRequestBuilder(SourceManifest manifest) : IRequestBuilder
{
    public HttpMethod Method => HttpMethod.Post;

    public HttpRequestMessage Build(RequestContext context)
    {
        var request = RequestUris.Request(Method, manifest, context);
        var variables = new JsonObject();
        foreach (var (name, value) in manifest.Request.Variables) variables[name] = Typed(context.Scope.Render(value));
        if (manifest.Paging.Kind == PagingKind.GraphQLPageInfo && context.Page.Cursor is { } after) variables[manifest.Paging.CursorParameter] = after;
        var body = new JsonObject { ["query"] = manifest.Request.GraphQLQuery, ["variables"] = variables };
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>GraphQL variables keep their JSON types: numbers and booleans written in the manifest stay numbers and booleans.</summary>
    private static JsonNode? Typed(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
        : bool.TryParse(value, out var b) ? JsonValue.Create(b)
        : JsonValue.Create(value);
}
