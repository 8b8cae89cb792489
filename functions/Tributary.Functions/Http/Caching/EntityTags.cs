using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Tributary.Functions.Http.Caching;

/// <summary>
/// Weak entity tags (RFC 9110 §8.8.3) for JSON answers, and the weak comparison <c>If-None-Match</c> uses (§13.1.2).
/// Weak because the bytes on the wire differ with the content coding (gzip, br) while the JSON is the same.
/// </summary>
public static class EntityTags
{
    /// <summary>A weak tag over the serialized body: <c>W/"&lt;32 hex&gt;"</c>.</summary>
    public static string Weak(ReadOnlySpan<byte> body) => $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";

    /// <summary>
    /// True when an <c>If-None-Match</c> value lists <paramref name="etag"/> under weak comparison (the opaque tags
    /// equal, either side weak or strong) or is <c>*</c>. Lists may be comma-separated, in one header or several.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        var opaque = Opaque(etag);
        foreach (var header in ifNoneMatch)
        {
            if (header is null) continue;
            foreach (var candidate in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (candidate == "*" || Opaque(candidate).SequenceEqual(opaque)) return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> Opaque(string tag) =>
        tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag.AsSpan();
}
