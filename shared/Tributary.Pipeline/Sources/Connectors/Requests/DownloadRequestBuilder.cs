using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors.Requests;

/// <summary>A file download, conditional on the ETag and Last-Modified saved after the last one, so an unchanged file answers 304.</summary>
public sealed class DownloadRequestBuilder(SourceManifest manifest) : IRequestBuilder
{
    public HttpMethod Method => HttpMethod.Get;

    public HttpRequestMessage Build(RequestContext context)
    {
        var request = RequestUris.Request(Method, manifest, context);
        if (context.Cursor?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (context.Cursor?.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        return request;
    }
}
