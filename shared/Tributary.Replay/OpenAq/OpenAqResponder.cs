using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenAq;

/// <summary>
/// Answers the OpenAQ v3 routes the way the vendor does: the WAF's and the API's 401s, per-key rate limits, 404s and
/// 422s with a JSON-string body, then the data; scripted faults replace the data answer.
/// </summary>
internal sealed class OpenAqResponder(IOptions<OpenAqOptions> options, OpenAqRateLimiter limits, OpenAqFaultSwitch faults,
    ReplayClock clock, AirQualityGenerator generator)
{
    public const string LocationsRoute = "/v3/locations";
    public const string LocationRoute = "/v3/locations/{id}";
    public const string HoursRoute = "/v3/sensors/{id}/hours";
    public const string ApiKeyHeader = "X-API-Key";

    public Task LocationsAsync(HttpContext context) => RespondAsync(context, () =>
    {
        var (page, limit) = OpenAqQuery.Paging(context.Request.Query);
        var area = OpenAqQuery.Area(context.Request.Query);
        var parameter = OpenAqQuery.Int(context.Request.Query, "parameters_id");
        // Catalogue (id) order even for a circle: the API's default order_by is id; distance is reported, not sorted on.
        var matches = OpenAqCatalogue.All
            .Select(location => (location, match: area?.Invoke(location) ?? new AreaMatch(true, null)))
            .Where(m => m.match.Inside && (parameter is null || m.location.Sensors.Any(s => s.Parameter.Id == parameter)))
            .ToList();
        return (StatusCodes.Status200OK, LocationsBody(page, limit, matches.Count, matches.Skip((page - 1) * limit).Take(limit), LastHourEnd()));
    });

    public Task LocationAsync(HttpContext context, int id) => RespondAsync(context, () =>
        OpenAqCatalogue.LocationsById.TryGetValue(id, out var location)
            ? (StatusCodes.Status200OK, LocationsBody(1, 100, 1, [(location, new AreaMatch(true, null))], LastHourEnd()))
            : (StatusCodes.Status404NotFound, OpenAqJson.Error("detail", "Location not found")));

    public Task HoursAsync(HttpContext context, int id) => RespondAsync(context, () =>
    {
        if (!OpenAqCatalogue.SensorsById.TryGetValue(id, out var sensor))
        {
            return (StatusCodes.Status404NotFound, OpenAqJson.Error("detail", "Sensor not found"));
        }
        var (page, limit) = OpenAqQuery.Paging(context.Request.Query);
        var lastEnd = LastHourEnd();
        // Both bounds are compared with the hour's END: from is exclusive, to inclusive.
        var from = OpenAqQuery.DateTime(context.Request.Query, "datetime_from") ?? OpenAqCatalogue.FirstHourEnd.AddHours(-1);
        var to = OpenAqQuery.DateTime(context.Request.Query, "datetime_to") ?? lastEnd;
        var firstEnd = Max(CeilingHour(from.AddTicks(1)), OpenAqCatalogue.FirstHourEnd);
        var end = Min(FloorHour(to), lastEnd);
        var total = end < firstEnd ? 0 : (long)((end - firstEnd).TotalHours + 1);
        var skip = (long)(page - 1) * limit;
        var count = (int)Math.Clamp(total - skip, 0, limit);
        var hours = Enumerable.Range(0, count).Select(i => generator.At(sensor, firstEnd.AddHours(skip + i))).ToList();
        return (StatusCodes.Status200OK, HoursBody(sensor, page, limit, hours, faults.Mode == OpenAqFault.SchemaDrift));
    });

    private async Task RespondAsync(HttpContext context, Func<(int Status, ReadOnlyMemory<byte> Body)> answer)
    {
        // The WAF in front of the API refuses a missing key; the API itself an unknown one.
        var key = context.Request.Headers[ApiKeyHeader].ToString();
        if (key.Length == 0)
        {
            await OpenAqJson.SendAsync(context, StatusCodes.Status401Unauthorized,
                OpenAqJson.Error("message", "Unauthorized. A valid API key must be provided in the X-API-Key header."));
            return;
        }
        if (!options.Value.EffectiveApiKeys.Contains(key, StringComparer.Ordinal))
        {
            await OpenAqJson.SendAsync(context, StatusCodes.Status401Unauthorized, OpenAqJson.Error("detail", "Invalid credentials"));
            return;
        }
        if (!limits.TryAcquire(key, context.Response))
        {
            await OpenAqJson.SendAsync(context, StatusCodes.Status429TooManyRequests, OpenAqJson.Error("detail", "Too many requests"));
            return;
        }

        switch (faults.Next())
        {
            case OpenAqFault.ServerError:
                await OpenAqJson.SendAsync(context, StatusCodes.Status500InternalServerError, OpenAqJson.Error("detail", "Internal Server Error"));
                return;
            case OpenAqFault.ServerErrorBurst:
                await OpenAqJson.SendAsync(context, StatusCodes.Status503ServiceUnavailable, OpenAqJson.Error("message", "Service Unavailable"));
                return;
            case OpenAqFault.Timeout408:
                await OpenAqJson.SendAsync(context, StatusCodes.Status408RequestTimeout, OpenAqJson.Error("detail", "Request timeout"));
                return;
            case OpenAqFault.Slow:
                await Task.Delay(TimeSpan.FromSeconds(options.Value.SlowResponseSeconds), clock.Time, context.RequestAborted);
                break;
        }

        (int Status, ReadOnlyMemory<byte> Body) result;
        try
        {
            result = answer();
        }
        catch (OpenAqValidationException invalid)
        {
            result = (StatusCodes.Status422UnprocessableEntity, OpenAqJson.Validation(invalid.Message));
        }
        if (result.Status == StatusCodes.Status200OK)
        {
            result.Body = faults.Mode switch
            {
                OpenAqFault.TruncatedBody => result.Body[..(result.Body.Length / 2)],
                OpenAqFault.MalformedJson => Encoding.UTF8.GetBytes("<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>"),
                _ => result.Body,
            };
        }
        await OpenAqJson.SendAsync(context, result.Status, result.Body);
    }

    private static ReadOnlyMemory<byte> LocationsBody(int page, int limit, int found, IEnumerable<(AirLocation Location, AreaMatch Match)> locations,
        DateTimeOffset lastHourEnd) =>
        OpenAqJson.Write(w =>
        {
            w.WriteStartObject();
            OpenAqJson.Meta(w, page, limit, f => f.WriteNumberValue(found));
            w.WriteStartArray("results");
            foreach (var (location, match) in locations) WriteLocation(w, location, match.Distance, lastHourEnd);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteLocation(Utf8JsonWriter w, AirLocation location, double? distance, DateTimeOffset lastHourEnd)
    {
        w.WriteStartObject();
        w.WriteNumber("id", location.Id);
        w.WriteString("name", location.Name);
        w.WriteString("locality", location.Locality);
        w.WriteString("timezone", "Europe/Oslo");
        w.WriteStartObject("country");
        w.WriteNumber("id", 162);
        w.WriteString("code", "NO");
        w.WriteString("name", "Norway");
        w.WriteEndObject();
        w.WriteBoolean("isMobile", false);
        w.WriteBoolean("isMonitor", true);
        w.WriteStartArray("sensors");
        foreach (var sensor in location.Sensors)
        {
            w.WriteStartObject();
            w.WriteNumber("id", sensor.Id);
            w.WriteString("name", sensor.Name);
            WriteParameter(w, sensor.Parameter, displayName: true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("coordinates");
        w.WriteNumber("latitude", location.Latitude);
        w.WriteNumber("longitude", location.Longitude);
        w.WriteEndObject();
        OpenAqJson.Instant(w, "datetimeFirst", OpenAqCatalogue.FirstHourEnd);
        OpenAqJson.Instant(w, "datetimeLast", lastHourEnd);
        if (distance is { } metres) w.WriteNumber("distance", metres);
        else w.WriteNull("distance");
        w.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter w, AirParameter parameter, bool displayName)
    {
        w.WriteStartObject("parameter");
        w.WriteNumber("id", parameter.Id);
        w.WriteString("name", parameter.Name);
        w.WriteString("units", parameter.Units);
        if (displayName) w.WriteString("displayName", parameter.DisplayName);
        else w.WriteNull("displayName");
        w.WriteEndObject();
    }

    private static ReadOnlyMemory<byte> HoursBody(AirSensor sensor, int page, int limit, IReadOnlyList<HourlyMean> hours, bool drift) =>
        OpenAqJson.Write(w =>
        {
            w.WriteStartObject();
            // Measurement endpoints count only the page: a full page says ">{limit}", as a string.
            OpenAqJson.Meta(w, page, limit, f =>
            {
                if (hours.Count == limit) f.WriteStringValue($">{limit}");
                else f.WriteNumberValue(hours.Count);
            });
            w.WriteStartArray("results");
            foreach (var hour in hours)
            {
                w.WriteStartObject();
                var valueName = drift ? "val" : "value";
                if (hour.Value is { } value) w.WriteNumber(valueName, value);
                else w.WriteNull(valueName);
                w.WriteStartObject("flagInfo");
                w.WriteBoolean("hasFlags", hour.HasFlags);
                w.WriteEndObject();
                WriteParameter(w, sensor.Parameter, displayName: false);
                WritePeriod(w, "period", hour.HourEnd);
                w.WriteNull("coordinates");
                if (hour.Value is { } v)
                {
                    w.WriteStartObject("summary");
                    foreach (var (name, factor) in new[] { ("min", 0.7), ("q02", 0.72), ("q25", 0.88), ("median", 0.98), ("q75", 1.1), ("q98", 1.3), ("max", 1.35), ("avg", 1.0) })
                    {
                        w.WriteNumber(name, AirQualityGenerator.ThreeSignificantDigits(v * factor));
                    }
                    w.WriteNumber("sd", AirQualityGenerator.ThreeSignificantDigits(v * 0.16));
                    w.WriteEndObject();
                    w.WriteStartObject("coverage");
                    w.WriteNumber("expectedCount", HourlyMean.ExpectedCount);
                    w.WriteString("expectedInterval", "01:00:00");
                    w.WriteNumber("observedCount", hour.ObservedCount);
                    w.WriteString("observedInterval", TimeSpan.FromMinutes(15 * hour.ObservedCount).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteNumber("percentComplete", hour.PercentComplete);
                    w.WriteNumber("percentCoverage", hour.PercentComplete);
                    OpenAqJson.Instant(w, "datetimeFrom", hour.HourEnd.AddHours(-1));
                    OpenAqJson.Instant(w, "datetimeTo", hour.HourEnd);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("summary");
                    w.WriteNull("coverage");
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WritePeriod(Utf8JsonWriter w, string name, DateTimeOffset hourEnd)
    {
        w.WriteStartObject(name);
        w.WriteString("label", "1hour");
        w.WriteString("interval", "01:00:00");
        OpenAqJson.Instant(w, "datetimeFrom", hourEnd.AddHours(-1));
        OpenAqJson.Instant(w, "datetimeTo", hourEnd);
        w.WriteEndObject();
    }

    /// <summary>The end of the latest complete hour by the replay clock: stations report every hour up to it.</summary>
    private DateTimeOffset LastHourEnd() => FloorHour(clock.UtcNow);

    private static DateTimeOffset FloorHour(DateTimeOffset t) => new(t.UtcDateTime.Year, t.UtcDateTime.Month, t.UtcDateTime.Day, t.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset CeilingHour(DateTimeOffset t) => FloorHour(t) == t.ToUniversalTime() ? t.ToUniversalTime() : FloorHour(t).AddHours(1);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
