using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors.Requests;

public static class RequestBuilders
{
    /// <summary>The builder for the manifest's request kind.</summary>
    public static IRequestBuilder For(SourceManifest manifest) => manifest.Request.Kind switch
    {
        RequestKind.Get => new GetRequestBuilder(manifest),
        RequestKind.Post => new PostRequestBuilder(manifest),
        RequestKind.GraphQL => new GraphQLRequestBuilder(manifest),
        RequestKind.Download => new DownloadRequestBuilder(manifest),
        _ => throw new ArgumentOutOfRangeException(nameof(manifest), manifest.Request.Kind, $"Sources:{manifest.Id}: unknown request kind."),
    };
}
