using System.Globalization;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;
using Tributary.Replay.RateLimiting;

namespace Tributary.Replay.Entur;

/// <summary>
/// The API gateway's policies for "other" (non-trip) requests: a per-minute quota and a per-second spike arrest, in
/// fixed clock windows, counted per <c>ET-Client-Name</c> (or per OAuth2 client for partner tokens, which get their own
/// quota). Quota headers go on every answer while a quota is on; a spike-arrested call uses no quota.
/// </summary>
internal sealed class EnturRateLimiter(IOptions<EnturOptions> options, ReplayClock clock)
{
    private readonly FixedWindowCounter<string> _perMinute = new(TimeSpan.FromMinutes(1), clock.Time);
    private readonly FixedWindowCounter<string> _perSecond = new(TimeSpan.FromSeconds(1), clock.Time);
    private readonly Lock _gate = new();

    /// <returns>The gateway's 429 <c>faultstring</c>, or null when the call may go on.</returns>
    public string? Refusal(string client, bool partner, HttpResponse response)
    {
        var quota = partner ? options.Value.PartnerQuotaPerMinute : options.Value.QuotaPerMinute;
        var spike = options.Value.SpikePerSecond;
        var key = (partner ? "partner:" : "client:") + client;
        int used;
        string? refusal = null;
        lock (_gate)
        {
            used = (int)_perMinute.UsageOf(key);
            if (spike > 0 && _perSecond.UsageOf(key) >= spike)
            {
                refusal = $"Spike arrest violation. Allowed rate : {spike} per second";
                response.Headers["Spike-Allowed"] = spike.ToString(CultureInfo.InvariantCulture);
                response.Headers["Spike-Range"] = "per-second";
            }
            else
            {
                _perSecond.Add(key, 1);
                if (quota > 0 && used >= quota) refusal = $"Rate limit quota violation. Quota limit exceeded. Identifier : {client}";
                else _perMinute.Add(key, 1);
                used = (int)_perMinute.UsageOf(key);
            }
        }

        if (quota > 0)
        {
            var minuteEnds = DateTimeOffset.FromUnixTimeSeconds(((clock.UtcNow.ToUnixTimeSeconds() / 60) + 1) * 60);
            response.Headers["Rate-Limit-Allowed"] = quota.ToString(CultureInfo.InvariantCulture);
            response.Headers["Rate-Limit-Available"] = Math.Max(0, quota - used).ToString(CultureInfo.InvariantCulture);
            response.Headers["Rate-Limit-Used"] = used.ToString(CultureInfo.InvariantCulture);
            response.Headers["Rate-Limit-Range"] = "per-minute";
            // JavaScript's Date.toString() in UTC, as the gateway writes it: "Mon Jan 16 2023 12:17:34 GMT-0000 (UTC)".
            response.Headers["Rate-Limit-Expiry-Time"] = minuteEnds.ToString("ddd MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " GMT-0000 (UTC)";
        }

        return refusal;
    }
}
