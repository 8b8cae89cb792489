using System.Text;
using Microsoft.Extensions.Options;

namespace Tributary.Functions.Http.Security;

/// <summary>
/// How admin bearer tokens are validated (section <c>Auth</c>): the issuer and audience they must name, and where the
/// signing keys come from, either OIDC metadata (<c>Auth:Authority</c>, Entra ID in Azure) or symmetric keys
/// (<c>Auth:SigningKeys</c>, semicolon-separated, at least 32 bytes of UTF-8 each: local runs and tests). With
/// neither, no token is accepted.
/// </summary>
public sealed class AdminTokenOptions
{
    public const string Section = "Auth";

    /// <summary>The role (in the <c>roles</c> claim, as Entra ID writes app roles) an admin token carries.</summary>
    public const string AdminRole = "admin";

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public string? Authority { get; set; }

    public string? SigningKeys { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKeys);

    public IReadOnlyList<byte[]> SymmetricKeys() =>
        [.. (SigningKeys ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Encoding.UTF8.GetBytes)];

    /// <summary>Start-up checks, each naming the setting at fault.</summary>
    public sealed class Validator : IValidateOptions<AdminTokenOptions>
    {
        public ValidateOptionsResult Validate(string? name, AdminTokenOptions options)
        {
            if (!options.Enabled) return ValidateOptionsResult.Success;
            var failures = new List<string>();
            if (string.IsNullOrWhiteSpace(options.Issuer)) failures.Add($"Setting '{Section}:Issuer' is required when '{Section}:Authority' or '{Section}:SigningKeys' is set.");
            if (string.IsNullOrWhiteSpace(options.Audience)) failures.Add($"Setting '{Section}:Audience' is required when '{Section}:Authority' or '{Section}:SigningKeys' is set.");
            if (!string.IsNullOrWhiteSpace(options.Authority) && !Uri.TryCreate(options.Authority, UriKind.Absolute, out _))
            {
                failures.Add($"Setting '{Section}:Authority' must be an absolute URL.");
            }
            if (options.SymmetricKeys().Any(k => k.Length < 32)) failures.Add($"Setting '{Section}:SigningKeys' has a key under 32 bytes (HS256 needs 256 bits).");
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
