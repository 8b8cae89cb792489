namespace Tributary.Sources.Manifests;

/// <summary>
/// A signed webhook: the sender signs <c>{timestamp}.{body}</c> with HMAC-SHA256 under a shared secret and sends
/// <c>sha256=&lt;hex&gt;</c> in <see cref="SignatureHeader"/> and the Unix time in <see cref="TimestampHeader"/>.
/// A delivery outside the replay window, or one whose signature was seen before, is refused.
/// </summary>
public sealed class WebhookSpec
{
    /// <summary>The shared HMAC secret, by name (app setting <c>Secrets__{name}</c> or Key Vault).</summary>
    public string? SecretName { get; set; }

    public string SignatureHeader { get; set; } = "x-tributary-signature";

    public string TimestampHeader { get; set; } = "x-tributary-timestamp";

    /// <summary>How far the signed timestamp may lie from now, either side, in seconds.</summary>
    public int ReplayWindowSeconds { get; set; } = 300;
}
