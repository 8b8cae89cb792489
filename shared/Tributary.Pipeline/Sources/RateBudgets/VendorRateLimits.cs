using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.RateBudgets;

/// <summary>Reads the vendors' rate-limit answers: until when the next call must wait, or null when it need not.</summary>
public static partial class VendorRateLimits
{
    /// <summary>
    /// The instant before which the vendor should not be called again: from <c>Retry-After</c> on a 429/503, or from the
    /// declared rate-limit headers when they say nothing is left in the current window.
    /// </summary>
    public static DateTimeOffset? BlockedUntil(HttpResponseMessage response, RateLimitHeaders kind, DateTimeOffset now)
    {
        if ((int)response.StatusCode is 429 or 503 && response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return now + delta;
            if (retryAfter.Date is { } date) return date;
        }
        var headers = response.Headers;
        switch (kind)
        {
            case RateLimitHeaders.XRateLimit when Number(headers, "x-ratelimit-remaining") is <= 0 || (int)response.StatusCode == 429:
                return Number(headers, "x-ratelimit-reset") is { } reset ? now.AddSeconds(Math.Max(0, reset)) : null;
            case RateLimitHeaders.RateLimit when Number(headers, "RateLimit-Remaining") is <= 0 || (int)response.StatusCode == 429:
                return Number(headers, "RateLimit-Reset") is { } seconds ? now.AddSeconds(Math.Max(0, seconds)) : null;
            case RateLimitHeaders.Entur when Number(headers, "Rate-Limit-Available") is <= 0 || (int)response.StatusCode == 429:
                if (Value(headers, "Spike-Range") is { } && (int)response.StatusCode == 429) return now.AddSeconds(1);
                return ParseJavaScriptDate(Value(headers, "Rate-Limit-Expiry-Time"));
            default:
                return null;
        }
    }

    /// <summary>Parses a JavaScript <c>Date.toString()</c> such as <c>Mon Jan 16 2023 12:17:34 GMT-0000 (UTC)</c>.</summary>
    public static DateTimeOffset? ParseJavaScriptDate(string? text)
    {
        if (text is null) return null;
        var m = JavaScriptDate().Match(text.Trim('"', ' '));
        if (!m.Success) return DateTimeOffset.TryParse(text.Trim('"'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any) ? any : null;
        var local = DateTime.ParseExact($"{m.Groups["month"].Value} {m.Groups["day"].Value.PadLeft(2, '0')} {m.Groups["year"].Value} {m.Groups["time"].Value}",
            "MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        var offset = m.Groups["offset"].Value;
        var span = new TimeSpan(int.Parse(offset[1..3], CultureInfo.InvariantCulture), int.Parse(offset[3..5], CultureInfo.InvariantCulture), 0);
        return new DateTimeOffset(local, offset[0] == '-' ? -span : span);
    }

    private static string? Value(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim('"', ' ') : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Value(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^\w{3} (?<month>\w{3}) (?<day>\d{1,2}) (?<year>\d{4}) (?<time>\d{2}:\d{2}:\d{2}) GMT(?<offset>[+-]\d{4})")]
    private static partial Regex JavaScriptDate();
}
