namespace Tributary.Replay.Hosting;

/// <summary>
/// A failure a vendor replay imitates instead of answering normally. Every vendor supports its own subset; the URL
/// and configuration spelling is the kebab-case name (<c>server-error-burst</c>, <c>timeout-408</c>).
/// </summary>
internal enum Fault
{
    None,

    /// <summary>Every call answers the vendor's 5xx.</summary>
    ServerError,

    /// <summary>The next <see cref="FaultSwitch.BurstLength"/> calls answer the vendor's 5xx, then it recovers.</summary>
    ServerErrorBurst,

    /// <summary>Open-Meteo's 429 when its per-IP queue is full.</summary>
    TooManyConcurrentRequests,

    /// <summary>OpenAQ's 408 for aggregates that take too long.</summary>
    Timeout408,

    /// <summary>Journey Planner's 422 <c>ApiProcessingTimeout</c>.</summary>
    Timeout422,

    /// <summary>A 200 whose body stops half-way (a dropped connection behind a proxy).</summary>
    TruncatedBody,

    /// <summary>GTFS: a 200 with only the first half of the ZIP (no central directory).</summary>
    TruncatedZip,

    /// <summary>A 200 whose body is a proxy's HTML error page, not JSON.</summary>
    MalformedJson,

    /// <summary>A 200 with one field renamed (a vendor schema change); which field is the vendor's choice.</summary>
    SchemaDrift,

    /// <summary>The normal answer, held back <see cref="VendorOptions.SlowResponseSeconds"/> by the replay clock.</summary>
    Slow,
}
