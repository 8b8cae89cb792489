using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur.Auth;

/// <summary>A token this server handed out.</summary>
internal sealed record IssuedToken(string ClientId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>The outcome of checking an <c>Authorization</c> header: the partner client, or why the token is refused.</summary>
internal sealed record BearerCheck(string? ClientId, string? Problem)
{
    public bool IsValid => ClientId is not null;
}

/// <summary>
/// Issues JWT-shaped partner tokens (header, claims like Entur's Auth0 tenant, an HMAC signature keyed by the seed) and
/// remembers them: only tokens issued by this process and not yet expired by the replay clock are accepted.
/// <see cref="ExpireAll"/> ends every token at once, so a client's 401-then-refresh path can be tested.
/// </summary>
internal sealed class TokenStore(ReplayClock clock, IOptions<EnturOptions> options, IOptions<ReplayOptions> replay)
{
    public const string Issuer = "https://partner.entur.org/";

    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey = SHA256.HashData(Encoding.UTF8.GetBytes($"tributary-replay-entur:{replay.Value.Seed}"));
    private long _serial;

    public TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);

    public (string Token, IssuedToken Issued) Issue(string clientId)
    {
        var issuedAt = clock.UtcNow;
        var expiresAt = issuedAt + Lifetime;
        var serial = Interlocked.Increment(ref _serial);
        var header = Encode(new { alg = "HS256", typ = "JWT", kid = "tributary-replay" });
        var claims = Encode(new Dictionary<string, object>
        {
            ["https://entur.io/organisationID"] = 1,
            ["iss"] = Issuer,
            ["sub"] = $"{clientId}@clients",
            ["aud"] = EnturOptions.Audience,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["azp"] = clientId,
            ["gty"] = "client-credentials",
            ["jti"] = $"{serial}-{Guid.NewGuid():N}",
        });
        var signature = Base64Url(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes($"{header}.{claims}")));
        var token = $"{header}.{claims}.{signature}";

        if (_tokens.Count > PruneThreshold)
        {
            foreach (var (stale, _) in _tokens.Where(pair => pair.Value.ExpiresAt <= issuedAt))
            {
                _tokens.TryRemove(stale, out _);
            }
        }

        var issued = new IssuedToken(clientId, issuedAt, expiresAt);
        _tokens[token] = issued;
        return (token, issued);
    }

    /// <param name="authorization">The whole <c>Authorization</c> header value.</param>
    public BearerCheck Check(string authorization)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == scheme.Length)
        {
            return new BearerCheck(null, "The Authorization header must be 'Bearer <access token>'");
        }

        var token = authorization[scheme.Length..].Trim();
        if (!_tokens.TryGetValue(token, out var issued))
        {
            return new BearerCheck(null, "The access token is invalid");
        }

        return issued.ExpiresAt <= clock.UtcNow
            ? new BearerCheck(null, "The access token expired")
            : new BearerCheck(issued.ClientId, null);
    }

    /// <summary>Makes every token issued so far expire now. Returns how many were still valid.</summary>
    public int ExpireAll()
    {
        var now = clock.UtcNow;
        var expired = 0;
        foreach (var (token, issued) in _tokens)
        {
            if (issued.ExpiresAt > now && _tokens.TryUpdate(token, issued with { ExpiresAt = now }, issued))
            {
                expired++;
            }
        }

        return expired;
    }

    private static string Encode<T>(T value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
