using System.Buffers;
using System.Text.Json;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// Writes the vendor's response byte for byte in shape: property order, Swift number text, one object per location,
/// and a top-level array only when there is more than one.
/// </summary>
internal static class ForecastJsonWriter
{
    public static void Write(IBufferWriter<byte> output, ForecastRequest request, IReadOnlyList<LocationForecast> forecasts, double generationTimeMs)
    {
        using var json = new Utf8JsonWriter(output, OpenMeteoJson.WriterOptions);
        var isMultiLocation = forecasts.Count > 1;
        if (isMultiLocation)
        {
            json.WriteStartArray();
        }

        foreach (var forecast in forecasts)
        {
            WriteLocation(json, request, forecast, generationTimeMs);
        }

        if (isMultiLocation)
        {
            json.WriteEndArray();
        }
    }

    private static void WriteLocation(Utf8JsonWriter json, ForecastRequest request, LocationForecast forecast, double generationTimeMs)
    {
        json.WriteStartObject();
        WriteRawNumber(json, "latitude", SwiftNumberText.Float(forecast.Cell.Latitude));
        WriteRawNumber(json, "longitude", SwiftNumberText.Float(forecast.Cell.Longitude));
        WriteRawNumber(json, "generationtime_ms", SwiftNumberText.Double(generationTimeMs));
        json.WriteNumber("utc_offset_seconds", forecast.Window.UtcOffsetSeconds);
        json.WriteString("timezone", forecast.Location.Zone.Identifier);
        json.WriteString("timezone_abbreviation", ResponseZone.Abbreviation(forecast.Window.UtcOffsetSeconds));
        WriteRawNumber(json, "elevation", SwiftNumberText.Float(forecast.ElevationMetres));
        if (forecast.Location.LocationId != 0)
        {
            json.WriteNumber("location_id", forecast.Location.LocationId);
        }

        if (request.Hourly.Count > 0)
        {
            WriteHourlyUnits(json, request);
            WriteHourly(json, request, forecast);
        }

        json.WriteEndObject();
    }

    private static void WriteHourlyUnits(Utf8JsonWriter json, ForecastRequest request)
    {
        json.WriteStartObject("hourly_units");
        json.WriteString("time", request.TimeFormat == TimeFormat.UnixTime ? "unixtime" : "iso8601");
        foreach (var variable in request.Hourly)
        {
            json.WriteString(variable.Name, request.Units.For(variable.Quantity).Symbol);
        }

        json.WriteEndObject();
    }

    private static void WriteHourly(Utf8JsonWriter json, ForecastRequest request, LocationForecast forecast)
    {
        json.WriteStartObject("hourly");
        json.WriteStartArray("time");
        for (var index = 0; index < forecast.Window.Hours; index++)
        {
            if (request.TimeFormat == TimeFormat.UnixTime)
            {
                json.WriteNumberValue(forecast.Window.UnixTimeAt(index));
            }
            else
            {
                json.WriteStringValue(forecast.Window.IsoTimeAt(index));
            }
        }

        json.WriteEndArray();

        foreach (var variable in request.Hourly)
        {
            var unit = request.Units.For(variable.Quantity);
            json.WriteStartArray(variable.Name);
            foreach (var hour in forecast.Hours)
            {
                if (hour is { } weather)
                {
                    json.WriteRawValue(unit.Format(variable.Select(weather)), skipInputValidation: true);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteRawNumber(Utf8JsonWriter json, string name, string number)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(number, skipInputValidation: true);
    }
}
