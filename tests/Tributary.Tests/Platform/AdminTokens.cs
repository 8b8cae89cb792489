using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tributary.Tests.Platform;

/// <summary>Mints admin bearer tokens with a local symmetric key, as an operator would for a local run (see README).</summary>
internal static class AdminTokens
{
    public const string Issuer = "https://tributary.tests/issuer";
    public const string Audience = "api://tributary-tests";
    public const string SigningKey = "tests-signing-key-of-at-least-32-bytes!";
    public const string OtherKey = "another-signing-key-nobody-configured!!";

    public static string Mint(string[] roles, string key = SigningKey, string issuer = Issuer, string audience = Audience,
        TimeSpan? expiresIn = null, DateTime? now = null)
    {
        var issued = now ?? DateTime.UtcNow;
        var expires = issued + (expiresIn ?? TimeSpan.FromMinutes(10));
        var claims = new Dictionary<string, object> { ["sub"] = "operator", ["roles"] = roles };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            // An expired token must also have been issued before it expired.
            IssuedAt = expires < issued ? expires.AddMinutes(-10) : issued,
            NotBefore = expires < issued ? expires.AddMinutes(-10) : issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with every claim an admin token has.</summary>
    public static string Unsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"operator","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}},"roles":["admin"]}""");
        return $"{header}.{payload}.";
    }

}
