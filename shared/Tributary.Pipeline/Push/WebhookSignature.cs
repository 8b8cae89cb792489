using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tributary.Push;

/// <summary>
/// The webhook signature: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of <c>{timestamp}.{body}</c> (the Unix
/// seconds as sent, a dot, the body's exact bytes) under the source's shared secret. Signing the timestamp with the
/// body is what lets the replay window hold: an old delivery cannot be re-sent with a new time.
/// </summary>
public static class WebhookSignature
{
    public const string Scheme = "sha256=";

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) => Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <param name="signed">When valid, the signature's digest as lower-case hex (the delivery's identity for replay detection).</param>
    public static WebhookVerdict Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window,
        out string? signed)
    {
        signed = null;
        if (timestamp is not { Length: > 0 and <= 12 } || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerdict.MissingTimestamp;
        }
        // Either side: a timestamp from the future is as suspect as an old one (and would outlive the replay store's window).
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)window.TotalSeconds) return WebhookVerdict.OutsideWindow;
        if (signature is null || !signature.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || signature.Length != Scheme.Length + 64)
        {
            return WebhookVerdict.MissingSignature;
        }
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature.AsSpan(Scheme.Length));
        }
        catch (FormatException)
        {
            return WebhookVerdict.MissingSignature;
        }
        var expected = Mac(secret, timestamp, body);
        if (!CryptographicOperations.FixedTimeEquals(presented, expected)) return WebhookVerdict.BadSignature;
        signed = Convert.ToHexStringLower(expected);
        return WebhookVerdict.Valid;
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
