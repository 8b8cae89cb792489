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
/// A proactive budget: at most <see cref="Requests"/> calls per <see cref="WindowSeconds"/>, plus any
/// <see cref="MoreWindows"/> (OpenAQ allows 60 a minute and 2000 an hour), counted in table <c>ratebudgets</c> so the
/// counts survive timer runs and instances. Set each at or below the vendor's published limit.
/// </summary>
public sealed class RateBudgetSpec
{
    /// <summary>Further limits that apply at the same time, e.g. an hourly cap the vendor does not report in headers.</summary>
    public List<RateLimitWindow> MoreWindows { get; set; } = [];

    /// <summary>Every limit of the budget, the main one first; empty when there is none.</summary>
    public IEnumerable<RateLimitWindow> AllWindows =>
        (Requests > 0 ? [new RateLimitWindow { Requests = Requests, WindowSeconds = WindowSeconds }] : Enumerable.Empty<RateLimitWindow>())
        .Concat(MoreWindows.Where(w => w.Requests > 0));

    /// <summary>0 means no proactive budget (the vendor's answers are still honoured).</summary>
    public int Requests { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public RateLimitHeaders Headers { get; set; } = RateLimitHeaders.None;

    /// <summary>A 429 whose reset lies further away than this is not waited for: the page fails and the run resumes later.</summary>
    public int MaxWaitSeconds { get; set; } = 90;
}

/// <summary>One limit: at most <see cref="Requests"/> calls per fixed clock window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitWindow
{
    public int Requests { get; set; }

    public int WindowSeconds { get; set; } = 60;
}
