using System.Security.Cryptography;

namespace Tributary.Views;

/// <summary>
/// Short shareable view ids: 10 base62 characters from the operating system's CSPRNG (about 59.5 bits), so ids cannot
/// be guessed or enumerated, and a collision (retried by the store) is vanishingly rare.
/// </summary>
public static class ViewIds
{
    public const int Length = 10;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether <paramref name="id"/> has the shape of a view id (checked before it goes near a table key).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z');
}
