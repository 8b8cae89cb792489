namespace Tributary.Sources.Manifests;

public enum AuthKind
{
    None,

    /// <summary>An API key in the header named <see cref="AuthSpec.Name"/>.</summary>
    ApiKeyHeader,

    /// <summary>An API key in the query parameter named <see cref="AuthSpec.Name"/>.</summary>
    ApiKeyQuery,

    /// <summary>HTTP basic with <see cref="AuthSpec.Username"/> and the secret as password.</summary>
    Basic,

    /// <summary>OAuth2 client credentials: a cached Bearer token, fetched again once when the resource answers 401.</summary>
    OAuth2ClientCredentials,
}

public enum TokenRequestFormat
{
    /// <summary>RFC 6749: <c>application/x-www-form-urlencoded</c> with <c>client_id</c>/<c>client_secret</c> in the body.</summary>
    Form,

    /// <summary>RFC 6749 with HTTP Basic client authentication.</summary>
    FormWithBasicAuth,

    /// <summary>A JSON body (Entur Partner, Auth0 style), with <c>audience</c>.</summary>
    Json,
}

/// <summary>Authentication. Secrets are named, never written here: <see cref="SecretName"/> is resolved from Key Vault or local settings.</summary>
public sealed class AuthSpec
{
    public AuthKind Kind { get; set; } = AuthKind.None;

    /// <summary>Header or query parameter that carries an API key.</summary>
    public string? Name { get; set; }

    /// <summary>The secret (API key, password or client secret) by name, e.g. <c>openaq-api-key</c>.</summary>
    public string? SecretName { get; set; }

    public string? Username { get; set; }

    /// <summary>Absolute, or relative to the source's base URL.</summary>
    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? Audience { get; set; }

    public string? Scope { get; set; }

    public TokenRequestFormat TokenRequestFormat { get; set; } = TokenRequestFormat.Form;

    /// <summary>How long before expiry a cached token is renewed.</summary>
    public int TokenRefreshMarginSeconds { get; set; } = 60;
}
