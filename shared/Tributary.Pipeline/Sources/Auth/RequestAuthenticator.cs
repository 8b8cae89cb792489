using System.Net.Http.Headers;
using System.Text;
using Tributary.Sources.Manifests;
using Tributary.Sources.Secrets;

namespace Tributary.Sources.Auth;

/// <summary>
/// Adds a source's static credentials (API key, basic) to a request, as its manifest declares; OAuth2 bearer tokens,
/// which expire and refresh, are the <see cref="BearerTokenHandler"/>'s. Credentials never reach messages or logs.
/// </summary>
public sealed class RequestAuthenticator(ISecretStore secrets)
{
    public async Task ApplyAsync(HttpRequestMessage request, SourceManifest source, CancellationToken cancellationToken)
    {
        var auth = source.Auth;
        switch (auth.Kind)
        {
            case AuthKind.ApiKeyHeader:
                request.Headers.TryAddWithoutValidation(auth.Name!, await secrets.GetAsync(auth.SecretName!, cancellationToken));
                break;
            case AuthKind.ApiKeyQuery:
                var key = await secrets.GetAsync(auth.SecretName!, cancellationToken);
                var builder = new UriBuilder(request.RequestUri!);
                var pair = $"{Uri.EscapeDataString(auth.Name!)}={Uri.EscapeDataString(key)}";
                builder.Query = string.IsNullOrEmpty(builder.Query) ? pair : $"{builder.Query.TrimStart('?')}&{pair}";
                request.RequestUri = builder.Uri;
                break;
            case AuthKind.Basic:
                var password = await secrets.GetAsync(auth.SecretName!, cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.Username}:{password}")));
                break;
        }
    }
}
