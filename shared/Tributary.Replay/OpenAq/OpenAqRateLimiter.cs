using System.Globalization;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;
using Tributary.Replay.RateLimiting;

namespace Tributary.Replay.OpenAq;

/// <summary>
/// OpenAQ's limits per API key: a per-minute allowance reported in <c>x-ratelimit-*</c> (reset in SECONDS until the
/// minute ends) and an hourly one that no header shows. Over either: 429 <c>{"detail": "Too many requests"}</c>.
/// </summary>
internal sealed class OpenAqRateLimiter(IOptions<OpenAqOptions> options, ReplayClock clock)
{
    private readonly FixedWindowCounter<string> _minute = new(TimeSpan.FromMinutes(1), clock.Time);
    private readonly FixedWindowCounter<string> _hour = new(TimeSpan.FromHours(1), clock.Time);

    /// <returns>False when the call is over a limit (and was not counted).</returns>
    public bool TryAcquire(string apiKey, HttpResponse response)
    {
        var o = options.Value;
        var overMinute = o.PerMinute > 0 && _minute.UsageOf(apiKey) >= o.PerMinute;
        var overHour = o.PerHour > 0 && _hour.UsageOf(apiKey) >= o.PerHour;
        if (!overMinute && !overHour)
        {
            _minute.Add(apiKey, 1);
            _hour.Add(apiKey, 1);
        }
        if (o.PerMinute > 0)
        {
            var used = (int)_minute.UsageOf(apiKey);
            var now = clock.UtcNow;
            var reset = 60 - (int)(now.ToUnixTimeSeconds() % 60);
            response.Headers["x-ratelimit-limit"] = o.PerMinute.ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-remaining"] = Math.Max(0, o.PerMinute - used).ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        }
        return !overMinute && !overHour;
    }
}
