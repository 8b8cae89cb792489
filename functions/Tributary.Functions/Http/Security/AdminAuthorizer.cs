using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Tributary.Functions.Http.Security;

/// <summary>What the admin credentials of a request amount to.</summary>
public enum AdminDecision
{
    Allowed,
    NoCredentials,
    WrongKey,
    InvalidToken,
    Forbidden,
}

/// <summary>
/// Decides whether a request carries admin credentials: an admin key in <c>x-functions-key</c> (or the <c>code</c>
/// query value), or a bearer token that JwtBearer validates and that carries the <c>admin</c> role. The admin gate
/// uses it for every admin operation, and routes that an admin may also open (uploads) ask it directly.
/// </summary>
public sealed class AdminAuthorizer(AdminKeys keys, IOptions<AdminTokenOptions> tokens)
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;
    public const string KeyHeader = "x-functions-key";

    public async Task<AdminDecision> DecideAsync(HttpContext http)
    {
        var presentedKey = http.Request.Headers[KeyHeader].ToString() is { Length: > 0 } header ? header : http.Request.Query["code"].ToString();
        if (presentedKey.Length > 0 && keys.Opens(presentedKey)) return AdminDecision.Allowed;

        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            if (!tokens.Value.Enabled) return AdminDecision.InvalidToken;
            var result = await http.AuthenticateAsync(Scheme);
            if (!result.Succeeded || result.Principal is null) return AdminDecision.InvalidToken;
            return result.Principal.IsInRole(AdminTokenOptions.AdminRole) ? AdminDecision.Allowed : AdminDecision.Forbidden;
        }
        return presentedKey.Length > 0 ? AdminDecision.WrongKey : AdminDecision.NoCredentials;
    }
}
