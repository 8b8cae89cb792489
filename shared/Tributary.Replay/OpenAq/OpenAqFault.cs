namespace Tributary.Replay.OpenAq;

/// <summary>A failure the OpenAQ replay imitates instead of answering normally; switched at <c>/_replay/faults/openaq</c>.</summary>
internal enum OpenAqFault
{
    None,

    /// <summary>Every data call answers 500.</summary>
    ServerError,

    /// <summary>The next <see cref="OpenAqFaultSwitch.BurstLength"/> data calls answer 503, then the vendor recovers.</summary>
    ServerErrorBurst,

    /// <summary>Every data call answers 408, as OpenAQ does for aggregates that take too long.</summary>
    Timeout408,

    /// <summary>A 200 whose JSON stops halfway.</summary>
    TruncatedBody,

    /// <summary>A 200 whose body is not JSON (an HTML error page from a proxy).</summary>
    MalformedJson,

    /// <summary>Hourly results carry <c>val</c> instead of <c>value</c>.</summary>
    SchemaDrift,

    /// <summary>Answers are held back <see cref="OpenAqOptions.SlowResponseSeconds"/>.</summary>
    Slow,
}
