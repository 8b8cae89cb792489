using System.Text;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors.Requests;

/// <summary>REST POST of the manifest's JSON body template.</summary>
public sealed class PostRequestBuilder(SourceManifest manifest) : IRequestBuilder
{
    public HttpMethod Method => HttpMethod.Post;

    public HttpRequestMessage Build(RequestContext context)
    {
        var request = RequestUris.Request(Method, manifest, context);
        request.Content = new StringContent(context.Scope.Render(manifest.Request.Body!), Encoding.UTF8, "application/json");
        return request;
    }
}
