using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors.Requests;

/// <summary>REST GET: the rendered path and query; the answer is the page.</summary>
public sealed class GetRequestBuilder(SourceManifest manifest) : IRequestBuilder
{
    public HttpMethod Method => HttpMethod.Get;

    public HttpRequestMessage Build(RequestContext context) => RequestUris.Request(Method, manifest, context);
}
