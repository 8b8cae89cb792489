using System.Buffers;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>Answers <c>/v1/forecast</c> and <c>/v1/archive</c>: faults, then rate limits, then validation, then data.</summary>
internal sealed class OpenMeteoResponder(
    ReplayClock clock,
    OpenMeteoFaultSwitch faults,
    OpenMeteoRateLimiter rateLimiter,
    LocationForecastBuilder forecasts,
    ILogger<OpenMeteoResponder> logger)
{
    public async Task RespondAsync(HttpContext context, OpenMeteoApi api)
    {
        var started = clock.Time.GetTimestamp();

        var fault = faults.Take();
        if (fault is OpenMeteoFault.ServerError or OpenMeteoFault.TooManyConcurrentRequests)
        {
            OpenMeteoLog.FaultServed(logger, OpenMeteoFaults.NameOf(fault));
            await (fault == OpenMeteoFault.ServerError
                ? OpenMeteoJson.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, OpenMeteoReasons.ServerError)
                : OpenMeteoJson.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, OpenMeteoReasons.TooManyConcurrentRequests));
            return;
        }

        var client = context.Connection.RemoteIpAddress;
        if (rateLimiter.RejectionReason(client) is { } limitReason)
        {
            OpenMeteoLog.RateLimited(logger, client, limitReason);
            await OpenMeteoJson.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, limitReason);
            return;
        }

        var now = clock.UtcNow;
        ForecastRequest request;
        try
        {
            request = ForecastRequestParser.Parse(context.Request.Query, api, now);
        }
        catch (OpenMeteoRequestException rejected)
        {
            OpenMeteoLog.RequestRejected(logger, rejected.Message);
            await OpenMeteoJson.WriteErrorAsync(context, StatusCodes.Status400BadRequest, rejected.Message);
            return;
        }

        var locations = forecasts.Build(request, now);
        var body = new ArrayBufferWriter<byte>(16 * 1024);
        ForecastJsonWriter.Write(body, request, locations, clock.Time.GetElapsedTime(started).TotalMilliseconds);

        rateLimiter.Record(client, QueryWeight.Of(request, locations));
        if (fault != OpenMeteoFault.None) OpenMeteoLog.FaultServed(logger, OpenMeteoFaults.NameOf(fault));
        await OpenMeteoJson.WriteAsync(context, StatusCodes.Status200OK, fault switch
        {
            OpenMeteoFault.TruncatedBody => body.WrittenMemory[..(body.WrittenCount / 2)],
            OpenMeteoFault.SchemaDrift => Drift(body.WrittenMemory),
            _ => body.WrittenMemory,
        });
    }

    private static ReadOnlyMemory<byte> Drift(ReadOnlyMemory<byte> body) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(body.Span).Replace("\"apparent_temperature\"", "\"apparent_temp\"", StringComparison.Ordinal));
}
