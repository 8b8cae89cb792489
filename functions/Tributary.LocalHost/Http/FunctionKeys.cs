using System.Security.Cryptography;
using System.Text;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Http;

/// <summary>
/// Authorization levels as the host enforces them, with keys from app settings instead of the host's key store:
/// <c>anonymous</c> needs nothing; <c>function</c> needs the function's own key
/// (<c>LocalHost__FunctionKeys__{FunctionName}</c>), the default function key (<c>LocalHost__FunctionKeys__default</c>)
/// or the master key; <c>admin</c> needs the master key (<c>LocalHost__MasterKey</c>). Keys come in the
/// <c>x-functions-key</c> header or the <c>code</c> query value. With no key set, keyed functions stay closed.
/// </summary>
public sealed class FunctionKeys(AppSettings settings)
{
    public const string MasterKeySetting = "LocalHost__MasterKey";
    public const string DefaultKeySetting = "LocalHost__FunctionKeys__default";
    public const string HeaderName = "x-functions-key";

    public static string FunctionKeySetting(string functionName) => $"LocalHost__FunctionKeys__{functionName}";

    /// <summary>Null when the request may call the function; otherwise why not.</summary>
    public string? Refusal(HttpRequest request, string functionName, string authLevel)
    {
        var level = authLevel.ToLowerInvariant();
        if (level == "anonymous") return null;
        var presented = request.Headers[HeaderName].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        if (presented.Length == 0)
        {
            return $"'{functionName}' needs a{(level == "admin" ? "n admin" : " function")} key in the {HeaderName} header or the 'code' query value.";
        }
        string?[] accepted = level == "admin"
            ? [settings.Get(MasterKeySetting)]
            : [settings.Get(FunctionKeySetting(functionName)), settings.Get(DefaultKeySetting), settings.Get(MasterKeySetting)];
        return accepted.Any(key => Matches(key, presented))
            ? null
            : $"The key does not open '{functionName}' ({level} level).";
    }

    // Fixed-time comparison: how long a refusal takes must not tell how much of a key was right.
    private static bool Matches(string? key, string presented) =>
        !string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(presented));
}
