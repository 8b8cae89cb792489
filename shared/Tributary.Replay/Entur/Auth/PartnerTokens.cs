using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur.Auth;

/// <summary>
/// Issues JWT-shaped partner tokens (claims like Entur's Auth0 tenant, an HMAC signature keyed by the seed) and
/// remembers them: only tokens issued by this process and not yet expired by the replay clock are accepted.
/// <see cref="ExpireAll"/> ends every token at once, so a client's 401-then-refresh path can be tested.
/// </summary>
internal sealed class PartnerTokens(ReplayClock clock, IOptions<EnturOptions> options, IOptions<ReplayOptions> replay)
{
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey = SHA256.HashData(Encoding.UTF8.GetBytes($"tributary-replay-entur:{replay.Value.Seed}"));
    private long _serial;

    /// <summary>Whether <paramref name="secret"/> is the configured client's, compared in constant time.</summary>
    public bool IsClient(string clientId, string secret) =>
        options.Value.EffectiveClients.TryGetValue(clientId, out var expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(secret));

    public (string Token, int ExpiresIn) Issue(string clientId)
    {
        var issuedAt = clock.UtcNow;
        var lifetime = options.Value.TokenLifetimeSeconds;
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "https://partner.entur.org/",
            ["sub"] = $"{clientId}@clients",
            ["aud"] = EnturOptions.Audience,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = issuedAt.AddSeconds(lifetime).ToUnixTimeSeconds(),
            ["azp"] = clientId,
            ["gty"] = "client-credentials",
            ["jti"] = Interlocked.Increment(ref _serial),
        }));
        var token = $"{header}.{claims}.{Base64Url(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes($"{header}.{claims}")))}";
        _tokens[token] = (clientId, issuedAt.AddSeconds(lifetime));
        return (token, lifetime);
    }

    /// <summary>The partner client of a valid <c>Authorization: Bearer</c> header, or why it is refused.</summary>
    public (string? ClientId, string? Problem) Check(string authorization)
    {
        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return (null, "The Authorization header must be 'Bearer <access token>'");
        if (!_tokens.TryGetValue(authorization[Scheme.Length..].Trim(), out var issued)) return (null, "The access token is invalid");
        return issued.ExpiresAt <= clock.UtcNow ? (null, "The access token expired") : (issued.ClientId, null);
    }

    /// <summary>Makes every token issued so far expire now. Returns how many were still valid.</summary>
    public int ExpireAll()
    {
        var now = clock.UtcNow;
        var valid = _tokens.Where(pair => pair.Value.ExpiresAt > now).ToList();
        foreach (var (token, issued) in valid) _tokens[token] = issued with { ExpiresAt = now };
        return valid.Count;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
