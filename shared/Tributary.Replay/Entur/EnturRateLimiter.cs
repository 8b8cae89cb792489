using System.Globalization;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;
using Tributary.Replay.RateLimiting;

namespace Tributary.Replay.Entur;

/// <summary>What the gateway decided about one Journey Planner request.</summary>
internal enum RateVerdict
{
    Allowed,

    /// <summary>More than the per-second spike allowance: 429 with <c>Spike-*</c> headers; retry after a second.</summary>
    SpikeArrest,

    /// <summary>The per-minute quota is used up: 429; do not retry before <c>Rate-Limit-Expiry-Time</c>.</summary>
    QuotaExceeded,
}

/// <summary>The gateway's accounting for one request, and the headers that report it.</summary>
internal sealed record RateDecision(RateVerdict Verdict, int Allowed, int Used, DateTimeOffset Expiry, int SpikeAllowed)
{
    public int Available => Math.Max(0, Allowed - Used);

    /// <summary>
    /// <c>Rate-Limit-*</c> on every answer while a quota is on; <c>Spike-*</c> only on a spike-arrest 429, which is how
    /// clients tell the two 429s apart.
    /// </summary>
    public void WriteHeaders(HttpResponse response)
    {
        if (Allowed > 0)
        {
            response.Headers["Rate-Limit-Allowed"] = Allowed.ToString(CultureInfo.InvariantCulture);
            response.Headers["Rate-Limit-Available"] = Available.ToString(CultureInfo.InvariantCulture);
            response.Headers["Rate-Limit-Used"] = Used.ToString(CultureInfo.InvariantCulture);
            response.Headers["Rate-Limit-Range"] = "per-minute";
            response.Headers["Rate-Limit-Expiry-Time"] = JavaScriptDate(Expiry);
        }

        if (Verdict == RateVerdict.SpikeArrest)
        {
            response.Headers["Spike-Allowed"] = SpikeAllowed.ToString(CultureInfo.InvariantCulture);
            response.Headers["Spike-Range"] = "per-second";
        }
    }

    /// <summary>JavaScript's <c>Date.toString()</c> in UTC, as the gateway writes it: <c>Mon Jan 16 2023 12:17:34 GMT-0000 (UTC)</c>.</summary>
    public static string JavaScriptDate(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " GMT-0000 (UTC)";
}

/// <summary>
/// The API gateway's two policies for "other" (non-trip) requests: a per-minute quota and a per-second spike arrest,
/// both in fixed clock windows, counted per <c>ET-Client-Name</c> (or per OAuth2 client for partner tokens, which get
/// their own, higher limits). Spike-arrested requests do not use quota; quota-refused ones do not add to it.
/// </summary>
internal sealed class EnturRateLimiter(IOptions<EnturOptions> options, ReplayClock clock)
{
    private readonly FixedWindowCounter<string> _perMinute = new(TimeSpan.FromMinutes(1), clock.Time);
    private readonly FixedWindowCounter<string> _perSecond = new(TimeSpan.FromSeconds(1), clock.Time);
    private readonly Lock _gate = new();

    /// <param name="client">The <c>ET-Client-Name</c>, or the OAuth2 client id when <paramref name="partner"/>.</param>
    public RateDecision Admit(string client, bool partner)
    {
        var settings = options.Value;
        var quota = partner ? settings.PartnerQuotaPerMinute : settings.QuotaPerMinute;
        var spike = partner ? settings.PartnerSpikePerSecond : settings.SpikePerSecond;
        var key = (partner ? "partner:" : "client:") + client;
        var now = clock.UtcNow;
        var expiry = DateTimeOffset.FromUnixTimeSeconds((Math.DivRem(now.ToUnixTimeSeconds(), 60, out var second) - (second < 0 ? 1 : 0) + 1) * 60);

        lock (_gate)
        {
            var used = (int)_perMinute.UsageOf(key);
            if (spike > 0 && _perSecond.UsageOf(key) >= spike)
            {
                return new RateDecision(RateVerdict.SpikeArrest, quota, used, expiry, spike);
            }

            _perSecond.Add(key, 1);
            if (quota > 0 && used >= quota)
            {
                return new RateDecision(RateVerdict.QuotaExceeded, quota, quota, expiry, spike);
            }

            _perMinute.Add(key, 1);
            return new RateDecision(RateVerdict.Allowed, quota, used + 1, expiry, spike);
        }
    }
}
