using System.Globalization;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;
using Tributary.Replay.RateLimiting;

namespace Tributary.Replay.OpenAq;

/// <summary>
/// OpenAQ's limits per API key: a per-minute allowance reported in <c>x-ratelimit-*</c> (reset in SECONDS until the
/// minute ends) and an hourly one that no header shows.
/// </summary>
internal sealed class OpenAqRateLimiter(IOptions<OpenAqOptions> options, ReplayClock clock)
{
    private readonly (FixedWindowCounter<string> Minute, FixedWindowCounter<string> Hour) _usage =
        (new(TimeSpan.FromMinutes(1), clock.Time), new(TimeSpan.FromHours(1), clock.Time));

    /// <returns>False when the call is over a limit (and was not counted).</returns>
    public bool TryAcquire(string apiKey, HttpResponse response)
    {
        var (perMinute, perHour) = (options.Value.PerMinute, options.Value.PerHour);
        var allowed = (perMinute == 0 || _usage.Minute.UsageOf(apiKey) < perMinute) && (perHour == 0 || _usage.Hour.UsageOf(apiKey) < perHour);
        if (allowed)
        {
            _usage.Minute.Add(apiKey, 1);
            _usage.Hour.Add(apiKey, 1);
        }

        if (perMinute > 0)
        {
            var used = (int)_usage.Minute.UsageOf(apiKey);
            response.Headers["x-ratelimit-limit"] = perMinute.ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-remaining"] = Math.Max(0, perMinute - used).ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-reset"] = (60 - (clock.UtcNow.ToUnixTimeSeconds() % 60)).ToString(CultureInfo.InvariantCulture);
        }

        return allowed;
    }
}
