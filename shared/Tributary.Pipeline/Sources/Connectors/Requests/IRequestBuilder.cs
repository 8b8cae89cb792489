namespace Tributary.Sources.Connectors.Requests;

/// <summary>Builds the HTTP request of one page for one kind of request (<see cref="Manifests.RequestKind"/>); credentials are added later.</summary>
public interface IRequestBuilder
{
    HttpMethod Method { get; }

    HttpRequestMessage Build(RequestContext context);
}
