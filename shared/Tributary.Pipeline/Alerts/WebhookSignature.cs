using System.Security.Cryptography;
using System.Text;

namespace Tributary.Alerts;

/// <summary>
/// The outgoing webhook's signature: <c>x-tributary-signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of
/// <c>{timestamp}.{body}</c> with the shared secret, where the timestamp (Unix seconds) travels in
/// <c>x-tributary-timestamp</c>, so a receiver can refuse old replays as well as forgeries.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "x-tributary-signature";
    public const string TimestampHeader = "x-tributary-timestamp";
    public const string DeliveryHeader = "x-tributary-delivery";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="signature"/> is the one <paramref name="secret"/> gives (compared in constant time).</summary>
    public static bool Verify(string secret, long timestamp, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
