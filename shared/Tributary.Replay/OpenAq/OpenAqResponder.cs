using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenAq;

/// <summary>
/// Answers <c>/v3/sensors/{id}/hours</c> the way the vendor does: the WAF's and the API's 401s, per-key rate limits,
/// scripted faults, 404 for an unknown sensor, 422 with a JSON-string body for a bad query, then a page of hourly means.
/// </summary>
internal sealed class OpenAqResponder(IOptions<OpenAqOptions> options, OpenAqRateLimiter limits, [FromKeyedServices(OpenAqReplay.Vendor)] FaultSwitch faults,
    ReplayClock clock, HourlyMeans means)
{
    public const string HoursRoute = "/v3/sensors/{id}/hours";
    public const string ApiKeyHeader = "X-API-Key";
    public const int MaxLimit = 1000;

    public async Task HoursAsync(HttpContext context, string id)
    {
        // The WAF in front of the API refuses a missing key; the API itself an unknown one.
        var key = context.Request.Headers[ApiKeyHeader].ToString();
        if (key.Length == 0)
        {
            await VendorResponse.SendJsonAsync(context, StatusCodes.Status401Unauthorized, new { message = "Unauthorized. A valid API key must be provided in the X-API-Key header." });
            return;
        }

        if (!options.Value.EffectiveApiKeys.Contains(key, StringComparer.Ordinal))
        {
            await VendorResponse.SendJsonAsync(context, StatusCodes.Status401Unauthorized, new { detail = "Invalid credentials" });
            return;
        }

        if (!limits.TryAcquire(key, context.Response))
        {
            await VendorResponse.SendJsonAsync(context, StatusCodes.Status429TooManyRequests, new { detail = "Too many requests" });
            return;
        }

        var fault = faults.Take();
        if (fault is Fault.ServerError or Fault.ServerErrorBurst or Fault.Timeout408)
        {
            var timeout = fault == Fault.Timeout408;
            await VendorResponse.SendJsonAsync(context, timeout ? StatusCodes.Status408RequestTimeout : StatusCodes.Status500InternalServerError,
                new { detail = timeout ? "Request timeout" : "Internal Server Error" });
            return;
        }

        await faults.DelayIfSlowAsync(fault, context.RequestAborted);
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var sensorId) || !OpenAqSensors.ById.TryGetValue(sensorId, out var sensor))
        {
            await VendorResponse.SendJsonAsync(context, StatusCodes.Status404NotFound, new { detail = "Sensor not found" });
            return;
        }

        try
        {
            var body = Page(sensor, context.Request.Query);
            await VendorResponse.SendAsync(context, StatusCodes.Status200OK, FaultSwitch.Distort(fault, body, ("value", "val")));
        }
        catch (ValidationException invalid)
        {
            // In the current API source a 422 body is a JSON *string*, not an object.
            await VendorResponse.SendAsync(context, StatusCodes.Status422UnprocessableEntity, VendorResponse.Serialize(invalid.Message));
        }
    }

    private ReadOnlyMemory<byte> Page(AirSensor sensor, IQueryCollection query)
    {
        var limit = Int(query, "limit") ?? 100;
        var page = Int(query, "page") ?? 1;
        // The API validates with pydantic: one message per bound, prefixed by the parameter name.
        if (limit is < 1 or > MaxLimit) throw new ValidationException($"limit: Input should be {(limit < 1 ? "greater than or equal to 1" : $"less than or equal to {MaxLimit}")}");
        if (page < 1) throw new ValidationException("page: Input should be greater than or equal to 1");

        // Both bounds are compared with the hour's END: from is exclusive, to inclusive.
        var lastEnd = FloorHour(clock.UtcNow);
        var from = Instant(query, "datetime_from") ?? OpenAqSensors.FirstHourEnd.AddHours(-1);
        var to = Instant(query, "datetime_to") ?? lastEnd;
        var firstEnd = new[] { FloorHour(from) == from ? from.AddHours(1) : FloorHour(from).AddHours(1), OpenAqSensors.FirstHourEnd }.Max();
        var end = new[] { FloorHour(to), lastEnd }.Min();
        var total = end < firstEnd ? 0 : (long)((end - firstEnd).TotalHours + 1);
        var skip = (long)(page - 1) * limit;
        var hours = Enumerable.Range(0, (int)Math.Clamp(total - skip, 0, limit)).Select(i => means.At(sensor, firstEnd.AddHours(skip + i))).ToList();

        return VendorResponse.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("meta");
            w.WriteString("name", "openaq-api");
            w.WriteString("website", "/");
            w.WriteNumber("page", page);
            w.WriteNumber("limit", limit);
            // Measurement endpoints count only the page: a full page says ">{limit}", as a string.
            if (hours.Count == limit) w.WriteString("found", $">{limit}");
            else w.WriteNumber("found", hours.Count);
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var hour in hours) WriteHour(w, sensor, hour);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteHour(Utf8JsonWriter w, AirSensor sensor, HourlyMean hour)
    {
        w.WriteStartObject();
        if (hour.Value is { } value) w.WriteNumber("value", value);
        else w.WriteNull("value");
        w.WriteStartObject("flagInfo");
        w.WriteBoolean("hasFlags", hour.Value is null);
        w.WriteEndObject();
        w.WriteStartObject("parameter");
        w.WriteNumber("id", sensor.Parameter.Id);
        w.WriteString("name", sensor.Parameter.Name);
        w.WriteString("units", sensor.Parameter.Units);
        w.WriteNull("displayName");
        w.WriteEndObject();
        w.WriteStartObject("period");
        w.WriteString("label", "1hour");
        w.WriteString("interval", "01:00:00");
        WritePeriodBounds(w, hour.HourEnd);
        w.WriteEndObject();
        w.WriteNull("coordinates");
        if (hour.Value is { } v)
        {
            w.WriteStartObject("summary");
            foreach (var (name, factor) in new[] { ("min", 0.7), ("q02", 0.72), ("q25", 0.88), ("median", 0.98), ("q75", 1.1), ("q98", 1.3), ("max", 1.35), ("avg", 1.0), ("sd", 0.16) })
            {
                w.WriteNumber(name, HourlyMeans.ThreeSignificantDigits(v * factor));
            }

            w.WriteEndObject();
            w.WriteStartObject("coverage");
            w.WriteNumber("expectedCount", HourlyMean.ExpectedCount);
            w.WriteString("expectedInterval", "01:00:00");
            w.WriteNumber("observedCount", hour.ObservedCount);
            w.WriteString("observedInterval", TimeSpan.FromMinutes(15 * hour.ObservedCount).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
            w.WriteNumber("percentComplete", hour.PercentComplete);
            w.WriteNumber("percentCoverage", hour.PercentComplete);
            WritePeriodBounds(w, hour.HourEnd);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("summary");
            w.WriteNull("coverage");
        }

        w.WriteEndObject();
    }

    private static void WritePeriodBounds(Utf8JsonWriter w, DateTimeOffset hourEnd)
    {
        foreach (var (name, instant) in new[] { ("datetimeFrom", hourEnd.AddHours(-1)), ("datetimeTo", hourEnd) })
        {
            w.WriteStartObject(name);
            w.WriteString("utc", instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("local", OsloTime.Format(instant));
            w.WriteEndObject();
        }
    }

    private static int? Int(IQueryCollection query, string name) =>
        query[name].ToString() is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ValidationException($"{name}: Input should be a valid integer, unable to parse string as an integer");

    /// <summary>A datetime without an offset means the station's local time (Europe/Oslo here), as in the API.</summary>
    private static DateTimeOffset? Instant(IQueryCollection query, string name) =>
        query[name].ToString() is not { Length: > 0 } text ? null
        : OsloTime.TryParse(text, out var instant) ? instant.ToUniversalTime()
        : throw new ValidationException($"{name}: Input should be a valid datetime or date, invalid character in year");

    private static DateTimeOffset FloorHour(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>A query parameter the API refuses: answered 422 with the message as a JSON string.</summary>
    private sealed class ValidationException(string message) : Exception(message);
}
