using System.Globalization;
using System.Text;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur.Gtfs;

/// <summary>
/// Serves the GTFS ZIP like the storage bucket it lives in: <c>ETag</c>, <c>Last-Modified</c>, 304 on a matching
/// <c>If-None-Match</c> (or, without one, an <c>If-Modified-Since</c> not older than the feed), HEAD without a body.
/// No <c>ET-Client-Name</c> is required.
/// </summary>
internal sealed class GtfsResponder(ReplayClock clock, [FromKeyedServices(EnturReplay.Vendor)] FaultSwitch faults, GtfsFeedCache feeds)
{
    public const string Route = "/marduk-production/outbound/gtfs/rb_norway-aggregated-gtfs.zip";

    /// <summary>The storage service's XML error body for a 500.</summary>
    public const string ServerErrorBody =
        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>";

    public async Task RespondAsync(HttpContext context)
    {
        var fault = faults.Take();
        if (fault == Fault.ServerError)
        {
            await VendorResponse.SendAsync(context, StatusCodes.Status500InternalServerError, Encoding.UTF8.GetBytes(ServerErrorBody), "application/xml; charset=UTF-8");
            return;
        }

        await faults.DelayIfSlowAsync(fault, context.RequestAborted);
        var feed = feeds.At(clock.UtcNow);
        var response = context.Response;
        response.Headers.ETag = feed.ETag;
        response.Headers.LastModified = feed.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "public, max-age=3600";
        if (IsNotModified(context.Request, feed))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = fault == Fault.TruncatedZip ? feed.Zip.AsMemory(0, feed.Zip.Length / 2) : feed.Zip;
        await VendorResponse.SendAsync(context, StatusCodes.Status200OK, body, "application/zip");
    }

    private static bool IsNotModified(HttpRequest request, GtfsFeed feed)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return ifNoneMatch.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == feed.ETag);
        }

        return DateTimeOffset.TryParseExact(request.Headers.IfModifiedSince.ToString(), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && feed.LastModified <= since;
    }
}
