using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Tributary.Functions.Http.Security;

/// <summary>
/// The keys that open admin operations (setting <c>Admin:Keys</c>, semicolon-separated). In Azure it is a Key Vault
/// reference to the secret that is also the app's <c>admin</c> host key; locally, the local host's master key. With
/// no key configured, only bearer tokens open admin operations.
/// </summary>
public sealed class AdminKeys
{
    public const string Setting = "Admin:Keys";

    /// <summary>Shorter keys could be guessed; the deployed one is generated with far more.</summary>
    public const int MinimumLength = 16;

    private readonly byte[][] _keys;

    public AdminKeys(IConfiguration configuration)
    {
        var keys = (configuration[Setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keys.FirstOrDefault(k => k.Length < MinimumLength) is { } weak)
        {
            throw new InvalidOperationException($"Setting '{Setting}' has a key of {weak.Length} characters; each key needs at least {MinimumLength}.");
        }
        _keys = [.. keys.Select(Encoding.UTF8.GetBytes)];
    }

    public bool Any => _keys.Length > 0;

    /// <summary>Whether <paramref name="presented"/> is one of the keys, in time that does not depend on how much of it matched.</summary>
    public bool Opens(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in _keys) match |= CryptographicOperations.FixedTimeEquals(key, bytes);
        return match;
    }
}
