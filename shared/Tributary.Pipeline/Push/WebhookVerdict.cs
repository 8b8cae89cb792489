namespace Tributary.Push;

/// <summary>What the signature check of a webhook delivery found.</summary>
public enum WebhookVerdict
{
    Valid,

    /// <summary>No timestamp header, or one that is not whole Unix seconds.</summary>
    MissingTimestamp,

    /// <summary>The signed timestamp lies outside the replay window, in the past or the future.</summary>
    OutsideWindow,

    /// <summary>No signature header, or one that is not <c>sha256=&lt;64 hex digits&gt;</c>.</summary>
    MissingSignature,

    /// <summary>The signature is not the HMAC of this timestamp and body under the source's secret.</summary>
    BadSignature,
}
