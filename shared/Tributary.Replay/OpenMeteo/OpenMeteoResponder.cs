using System.Net;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>Answers an hourly API in the vendor's order: faults, then rate limits, then validation, then data. Every error is <c>{"reason":...,"error":true}</c>.</summary>
internal sealed class OpenMeteoResponder(ReplayClock clock, [FromKeyedServices(OpenMeteoReplay.Vendor)] FaultSwitch faults, OpenMeteoRateLimiter limits)
{
    public async Task RespondAsync(HttpContext context, OpenMeteoApi api)
    {
        var started = clock.Time.GetTimestamp();
        var fault = faults.Take();
        if (fault is Fault.ServerError or Fault.ServerErrorBurst)
        {
            await ErrorAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong.");
            return;
        }

        if (fault == Fault.TooManyConcurrentRequests)
        {
            await ErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many concurrent requests");
            return;
        }

        var client = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        if (limits.RejectionReason(client) is { } limitReason)
        {
            await ErrorAsync(context, StatusCodes.Status429TooManyRequests, limitReason);
            return;
        }

        HourlyRequest request;
        try
        {
            request = HourlyRequestParser.Parse(context.Request.Query, api, clock.UtcNow);
        }
        catch (OpenMeteoRequestException rejected)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, rejected.Message);
            return;
        }

        var window = HourlyWindow.Of(request, clock.UtcNow);
        var body = HourlyResponseWriter.Write(request, window, clock.Time.GetElapsedTime(started).TotalMilliseconds);
        limits.Record(client, window.Weight(request.Hourly.Count));
        await VendorResponse.SendAsync(context, StatusCodes.Status200OK, FaultSwitch.Distort(fault, body, api.Drift), "application/json; charset=utf-8");
    }

    private static Task ErrorAsync(HttpContext context, int status, string reason) =>
        VendorResponse.SendJsonAsync(context, status, new { reason, error = true });
}
