namespace Tributary.Replay.OpenMeteo;

/// <summary>Failure the replay server imitates instead of answering normally.</summary>
internal enum OpenMeteoFault
{
    None,

    /// <summary>HTTP 500 with the vendor's generic error body.</summary>
    ServerError,

    /// <summary>HTTP 429 as when the free tier's per-IP queue is full.</summary>
    TooManyConcurrentRequests,
}
