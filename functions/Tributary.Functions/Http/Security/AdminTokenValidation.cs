using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Tributary.Functions.Http.Security;

/// <summary>JwtBearer set up from <see cref="AdminTokenOptions"/>: issuer, audience, lifetime and signature all required.</summary>
internal static class AdminTokenValidation
{
    /// <summary>Symmetric keys sign with HMAC; OIDC metadata (Entra ID) publishes RSA keys. Naming them rules out alg=none and key confusion.</summary>
    private static readonly string[] SymmetricAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
    private static readonly string[] AsymmetricAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512, SecurityAlgorithms.RsaSsaPssSha256];

    public static void Configure(JwtBearerOptions bearer, AdminTokenOptions options)
    {
        // Claims keep their JWT names ("roles", not a WS-* URI), so the role claim is the one Entra ID writes.
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = options.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? true;
        if (!string.IsNullOrWhiteSpace(options.Authority)) bearer.Authority = options.Authority;
        var symmetric = options.SymmetricKeys();
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = options.Issuer,
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKeys = symmetric.Count > 0 ? [.. symmetric.Select(k => new SymmetricSecurityKey(k))] : null,
            ValidAlgorithms = symmetric.Count > 0 ? SymmetricAlgorithms : AsymmetricAlgorithms,
            RoleClaimType = "roles",
            NameClaimType = "sub",
        };
    }

    public static IServiceCollection AddAdminTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(AdminGate.Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(AdminGate.Scheme).Configure<IOptions<AdminTokenOptions>>((bearer, options) => Configure(bearer, options.Value));
        return services;
    }
}
