using System.Net;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;
using Tributary.Replay.RateLimiting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// The free tier's per-IP limits, as the vendor enforces them: a request is refused once the usage already counted
/// in the current minute, hour or UTC day has reached the limit; answered requests then add their weight. Counters
/// reset on fixed clock boundaries. No Retry-After or rate header is ever sent.
/// </summary>
internal sealed class OpenMeteoRateLimiter(IOptions<OpenMeteoOptions> options, ReplayClock clock)
{
    private readonly (int Max, FixedWindowCounter<IPAddress> Usage, string Reason)[] _limits =
    [
        (options.Value.MinutelyLimit, new(TimeSpan.FromMinutes(1), clock.Time), "Minutely API request limit exceeded. Please try again in one minute."),
        (options.Value.HourlyLimit, new(TimeSpan.FromHours(1), clock.Time), "Hourly API request limit exceeded. Please try again in the next hour."),
        (options.Value.DailyLimit, new(TimeSpan.FromDays(1), clock.Time), "Daily API request limit exceeded. Please try again tomorrow."),
    ];

    /// <summary>The vendor's 429 reason if <paramref name="client"/> is over a limit, otherwise null.</summary>
    public string? RejectionReason(IPAddress client) =>
        _limits.FirstOrDefault(limit => limit.Max > 0 && limit.Usage.UsageOf(Normalise(client)) >= limit.Max).Reason;

    public void Record(IPAddress client, double weight)
    {
        foreach (var limit in _limits) limit.Usage.Add(Normalise(client), weight);
    }

    private static IPAddress Normalise(IPAddress client) => client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
}
