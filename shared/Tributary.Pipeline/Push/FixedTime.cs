using System.Security.Cryptography;
using System.Text;

namespace Tributary.Push;

/// <summary>Compares a presented credential with the expected one in time that depends on neither's content nor length.</summary>
public static class FixedTime
{
    /// <summary>
    /// Both sides are hashed first: <see cref="CryptographicOperations.FixedTimeEquals"/> answers at once when the
    /// lengths differ, which would tell a caller the key's length; the digests always have the same length.
    /// </summary>
    public static bool TextEquals(string? presented, string expected)
    {
        if (presented is null) return false;
        Span<byte> a = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
