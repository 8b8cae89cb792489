using System.Globalization;
using System.Text.Json;
using Tributary.Curation;

namespace Tributary.Sources.OpenMeteo;

/// <summary>
/// Maps an Open-Meteo hourly response (column arrays) to observations. Times are naive strings that mean UTC when
/// <c>utc_offset_seconds</c> is 0; instantaneous variables are labelled with their hour, while precipitation is the
/// sum of the hour that ENDS at its label, so it is shifted back one hour and given a one-hour period.
/// </summary>
public sealed class OpenMeteoMapper(IReadOnlyDictionary<string, Configuration.City> cities) : ISourceMapper
{
    public const string Id = "open-meteo";

    public string SourceId => Id;

    public MappingResult Map(ReadOnlySpan<byte> payload, RawPageContext context)
    {
        var city = context.KnownCity(cities, "the request must fan out over cities");
        var doc = JsonPayload.Parse(payload, context);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedPayloadException($"Page '{context.BlobName}' is a JSON {root.ValueKind}, expected one location object.");
            }
            if (!root.TryGetProperty("hourly", out var hourly) || hourly.ValueKind != JsonValueKind.Object ||
                !hourly.TryGetProperty("time", out var times) || times.ValueKind != JsonValueKind.Array)
            {
                throw new MalformedPayloadException($"Page '{context.BlobName}' has no 'hourly.time' array.");
            }
            var offset = root.TryGetProperty("utc_offset_seconds", out var off) && off.TryGetInt32(out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.Zero;
            root.TryGetProperty("hourly_units", out var units);

            var stamps = ParseTimes(times, offset, out var rejected);
            var observations = new List<Observation>(stamps.Length * OpenMeteoVariables.All.Count);
            foreach (var variable in OpenMeteoVariables.All)
            {
                if (!hourly.TryGetProperty(variable.Name, out var column) || column.ValueKind != JsonValueKind.Array)
                {
                    rejected.Add(new RejectedRecord($"hourly.{variable.Name}", "variable missing from the response", null));
                    continue;
                }
                if (column.GetArrayLength() != stamps.Length)
                {
                    throw new MalformedPayloadException(
                        $"Page '{context.BlobName}': hourly.{variable.Name} has {column.GetArrayLength()} values for {stamps.Length} times.");
                }
                var factor = UnitFactor(units, variable, out var unitProblem);
                if (unitProblem is not null)
                {
                    rejected.Add(new RejectedRecord($"hourly_units.{variable.Name}", unitProblem, null));
                    continue;
                }
                var index = 0;
                foreach (var cell in column.EnumerateArray())
                {
                    var label = stamps[index];
                    var locator = $"hourly.{variable.Name}[{index}]";
                    index++;
                    if (label is null)
                    {
                        continue; // The time itself was rejected above.
                    }
                    var observation = ToObservation(variable, city, label.Value, cell, factor, locator, rejected);
                    if (observation is not null)
                    {
                        observations.Add(observation);
                    }
                }
            }
            return new MappingResult(observations, rejected);
        }
    }

    private static DateTimeOffset?[] ParseTimes(JsonElement times, TimeSpan offset, out List<RejectedRecord> rejected)
    {
        rejected = [];
        var stamps = new DateTimeOffset?[times.GetArrayLength()];
        var i = 0;
        foreach (var t in times.EnumerateArray())
        {
            var text = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (text is not null && DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var local))
            {
                stamps[i] = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
            }
            else
            {
                rejected.Add(new RejectedRecord($"hourly.time[{i}]", "time is not 'yyyy-MM-ddTHH:mm'", t.GetRawText()));
            }
            i++;
        }
        return stamps;
    }

    private static double UnitFactor(JsonElement units, OpenMeteoVariables.Variable variable, out string? problem)
    {
        problem = null;
        var served = units.ValueKind == JsonValueKind.Object && units.TryGetProperty(variable.Name, out var u) ? u.GetString() : null;
        if (served is null || served == variable.ExpectedVendorUnit)
        {
            return 1;
        }
        switch (variable.Name, served)
        {
            case ("wind_speed_10m", "km/h"): return 1 / 3.6;
            case ("wind_speed_10m", "mp/h"): return 0.44704;
            case ("wind_speed_10m", "kn"): return 0.514444;
            case ("precipitation", "inch"): return 25.4;
            default:
                problem = $"unit '{served}' cannot be converted to {variable.Unit}";
                return double.NaN;
        }
    }

    private Observation? ToObservation(OpenMeteoVariables.Variable variable, Configuration.City city, DateTimeOffset label,
        JsonElement cell, double factor, string locator, List<RejectedRecord> rejected)
    {
        var timestamp = variable.PrecedingHourSum ? label.AddHours(-1) : label;
        double? value;
        var flags = QualityFlags.None;
        if (cell.ValueKind == JsonValueKind.Null)
        {
            value = null;
            flags |= QualityFlags.Missing;
        }
        else if (cell.ValueKind == JsonValueKind.Number && cell.TryGetDouble(out var raw) && double.IsFinite(raw))
        {
            value = factor == 1 ? raw : Math.Round(raw * factor, 6);
            if (factor != 1) flags |= QualityFlags.UnitConverted;
            if (value < variable.Min || value > variable.Max) flags |= QualityFlags.OutOfRange;
        }
        else
        {
            rejected.Add(new RejectedRecord(locator, "value is not a number or null", cell.GetRawText()));
            return null;
        }
        return new Observation(
            SourceId, variable.Metric, $"city:{city.Id}", city.Id, city.Latitude, city.Longitude,
            timestamp, variable.PrecedingHourSum ? 3600 : 0, value, variable.Unit, flags,
            $"{city.Id}|{variable.Metric}|{timestamp:yyyyMMdd'T'HHmm}");
    }
}
