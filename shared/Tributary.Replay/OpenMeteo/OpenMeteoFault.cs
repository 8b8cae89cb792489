namespace Tributary.Replay.OpenMeteo;

/// <summary>Failure the replay server imitates instead of answering normally.</summary>
internal enum OpenMeteoFault
{
    None,

    /// <summary>HTTP 500 with the vendor's generic error body.</summary>
    ServerError,

    /// <summary>HTTP 429 as when the free tier's per-IP queue is full.</summary>
    TooManyConcurrentRequests,

    /// <summary>The next two requests get HTTP 500, then the server answers normally again (a transient outage).</summary>
    ServerErrorBurst,

    /// <summary>HTTP 200 with the real body cut off half-way (a dropped connection behind a proxy).</summary>
    TruncatedBody,

    /// <summary>HTTP 200 whose <c>apparent_temperature</c> column is renamed <c>apparent_temp</c> (a vendor schema change).</summary>
    SchemaDrift,
}
