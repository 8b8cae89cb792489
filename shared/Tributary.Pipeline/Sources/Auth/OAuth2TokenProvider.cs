using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tributary.Sources.Manifests;
using Tributary.Sources.Secrets;

namespace Tributary.Sources.Auth;

/// <summary>
/// OAuth2 client-credentials tokens (RFC 6749 section 4.4), cached per source until <c>expires_in</c> less a margin,
/// fetched once at a time, and dropped on demand when the resource answers 401.
/// </summary>
public sealed class OAuth2TokenProvider(IHttpClientFactory clients, ISecretStore secrets, TimeProvider time)
{
    public const string HttpClientName = "oauth2-token";

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>How many tokens were fetched from token endpoints (for tests and run diagnostics).</summary>
    public int TokensFetched => _fetched;

    private int _fetched;

    public async Task<string> GetAsync(SourceManifest source, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(source.Id, out var cached) && cached.RenewAt > time.GetUtcNow()) return cached.Token;
        var gate = _locks.GetOrAdd(source.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_tokens.TryGetValue(source.Id, out cached) && cached.RenewAt > time.GetUtcNow()) return cached.Token;
            var (token, lifetime) = await RequestAsync(source, cancellationToken);
            var renewAt = time.GetUtcNow() + lifetime - TimeSpan.FromSeconds(Math.Min(source.Auth.TokenRefreshMarginSeconds, lifetime.TotalSeconds / 2));
            _tokens[source.Id] = (token, renewAt);
            Interlocked.Increment(ref _fetched);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate(string sourceId) => _tokens.TryRemove(sourceId, out _);

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(SourceManifest source, CancellationToken cancellationToken)
    {
        var auth = source.Auth;
        var secret = await secrets.GetAsync(auth.SecretName!, cancellationToken);
        var tokenUrl = new Uri(source.BaseUrl!, auth.TokenUrl!);
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (auth.Scope is { Length: > 0 }) fields["scope"] = auth.Scope;
        if (auth.Audience is { Length: > 0 }) fields["audience"] = auth.Audience;
        switch (auth.TokenRequestFormat)
        {
            case TokenRequestFormat.Json:
                fields["client_id"] = auth.ClientId!;
                fields["client_secret"] = secret;
                request.Content = JsonContent.Create(fields);
                break;
            case TokenRequestFormat.FormWithBasicAuth:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(auth.ClientId!)}:{Uri.EscapeDataString(secret)}")));
                request.Content = new FormUrlEncodedContent(fields);
                break;
            default:
                fields["client_id"] = auth.ClientId!;
                fields["client_secret"] = secret;
                request.Content = new FormUrlEncodedContent(fields);
                break;
        }

        using var http = clients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            throw new SourceRequestException(source.Id, (int)response.StatusCode, $"token endpoint {tokenUrl.AbsolutePath} answered {(int)response.StatusCode} with a body that is not JSON.");
        }
        if (!response.IsSuccessStatusCode)
        {
            var error = json.TryGetProperty("error", out var e) ? e.GetString() : "unknown_error";
            var description = json.TryGetProperty("error_description", out var d) ? d.GetString() : null;
            throw new SourceRequestException(source.Id, (int)response.StatusCode,
                $"token endpoint {tokenUrl.AbsolutePath} refused client '{auth.ClientId}': {error}{(description is null ? "" : $" ({description})")}.");
        }
        if (!json.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } token)
        {
            throw new SourceRequestException(source.Id, (int)response.StatusCode, $"token endpoint {tokenUrl.AbsolutePath} answered without an access_token.");
        }
        var seconds = json.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var s) ? s : 300;
        return (token, TimeSpan.FromSeconds(Math.Max(1, seconds)));
    }
}
