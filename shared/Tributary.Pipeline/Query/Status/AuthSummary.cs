using Tributary.Sources.Manifests;

namespace Tributary.Query.Status;

/// <summary>How a source authenticates: the kind and the secret's NAME (never its value), plus the non-secret OAuth2 endpoints.</summary>
/// <param name="Name">The header or query parameter an API key travels in.</param>
public sealed record AuthSummary(string Kind, string? Name, string? SecretName, string? TokenUrl, string? TokenRequestFormat)
{
    public static AuthSummary From(AuthSpec auth) => new(
        auth.Kind.ToString(),
        auth.Kind is AuthKind.ApiKeyHeader or AuthKind.ApiKeyQuery ? auth.Name : null,
        auth.Kind == AuthKind.None ? null : auth.SecretName,
        auth.Kind == AuthKind.OAuth2ClientCredentials ? auth.TokenUrl : null,
        auth.Kind == AuthKind.OAuth2ClientCredentials ? auth.TokenRequestFormat.ToString() : null);
}
