namespace Tributary.Sources.Manifests;

public enum RateLimitHeaders
{
    None,

    /// <summary><c>x-ratelimit-remaining</c> / <c>x-ratelimit-reset</c> (seconds), as OpenAQ sends them.</summary>
    XRateLimit,

    /// <summary>IETF <c>RateLimit-Remaining</c> / <c>RateLimit-Reset</c> (seconds).</summary>
    RateLimit,

    /// <summary>Entur's <c>Rate-Limit-Available</c> / <c>Rate-Limit-Expiry-Time</c> (a JavaScript date string).</summary>
    Entur,
}

/// <summary>
/// A proactive budget: at most <see cref="Requests"/> calls per <see cref="WindowSeconds"/>, counted in table
/// <c>ratebudgets</c> so the count survives timer runs and instances. Set it at or below the vendor's published limit.
/// </summary>
public sealed class RateBudgetSpec
{
    /// <summary>0 means no proactive budget (the vendor's answers are still honoured).</summary>
    public int Requests { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public RateLimitHeaders Headers { get; set; } = RateLimitHeaders.None;

    /// <summary>A 429 whose reset lies further away than this is not waited for: the page fails and the run resumes later.</summary>
    public int MaxWaitSeconds { get; set; } = 90;
}
