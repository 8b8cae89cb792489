using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Auth;

/// <summary>
/// OAuth2 client credentials as a handler of the source's HTTP client: every attempt carries the cached bearer
/// token, and when the resource refuses it (401, RFC 6750: expired or revoked) the token is dropped, one new token
/// fetched and the request sent once more. It sits inside the resilience pipeline, next to the rate budget, so the
/// second send is an attempt like any other: timed, budgeted and counted.
/// </summary>
public sealed partial class BearerTokenHandler(SourceManifest source, OAuth2TokenProvider tokens, ILogger<BearerTokenHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(source, cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        response.Dispose();
        tokens.Invalidate(source.Id);
        LogTokenRefresh(logger, source.Id);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(source, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: the resource refused the token (401); fetching a new one and trying once more")]
    private static partial void LogTokenRefresh(ILogger logger, string source);
}
