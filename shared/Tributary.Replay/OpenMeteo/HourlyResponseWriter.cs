using System.Text.Json;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// Writes the vendor's response in shape: property order, Swift number text, the grid cell's coordinates and
/// elevation, <c>hourly_units</c> then <c>hourly</c> arrays index-aligned with <c>time</c>, <c>null</c> where the model has no value.
/// </summary>
internal static class HourlyResponseWriter
{
    public static ReadOnlyMemory<byte> Write(HourlyRequest request, HourlyWindow window, double generationTimeMs)
    {
        var api = request.Api;
        var cell = GridCell.Nearest(request.Latitude, request.Longitude, api.GridStepDegrees);
        return VendorResponse.Write(json =>
        {
            json.WriteStartObject();
            RawNumber(json, "latitude", SwiftNumberText.Float(cell.Latitude));
            RawNumber(json, "longitude", SwiftNumberText.Float(cell.Longitude));
            RawNumber(json, "generationtime_ms", SwiftNumberText.Double(generationTimeMs));
            json.WriteNumber("utc_offset_seconds", window.UtcOffsetSeconds);
            json.WriteString("timezone", request.Zone.Identifier);
            json.WriteString("timezone_abbreviation", ResponseZone.Abbreviation(window.UtcOffsetSeconds));
            RawNumber(json, "elevation", SwiftNumberText.Float(api.ElevationMetres(cell)));
            if (request.Hourly.Count > 0)
            {
                json.WriteStartObject("hourly_units");
                json.WriteString("time", "iso8601");
                foreach (var variable in request.Hourly) json.WriteString(variable.Name, UnitOf(variable, request).Symbol);
                json.WriteEndObject();

                json.WriteStartObject("hourly");
                json.WriteStartArray("time");
                for (var index = 0; index < window.Hours; index++) json.WriteStringValue(window.IsoTimeAt(index));
                json.WriteEndArray();
                foreach (var variable in request.Hourly) WriteValues(json, variable, UnitOf(variable, request), cell, window);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    private static OutputUnit UnitOf(HourlyVariable variable, HourlyRequest request) => variable.Unit ?? request.WindSpeed;

    private static void WriteValues(Utf8JsonWriter json, HourlyVariable variable, OutputUnit unit, GridCell cell, HourlyWindow window)
    {
        json.WriteStartArray(variable.Name);
        for (var index = 0; index < window.Hours; index++)
        {
            if (variable.ValueAt(cell, window.UtcHourAt(index)) is { } value) json.WriteRawValue(unit.Format(value), skipInputValidation: true);
            else json.WriteNullValue();
        }

        json.WriteEndArray();
    }

    private static void RawNumber(Utf8JsonWriter json, string name, string number)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(number, skipInputValidation: true);
    }
}
