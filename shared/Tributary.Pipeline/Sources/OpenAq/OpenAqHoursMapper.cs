using Tributary.Quality;
using System.Text.Json;
using Tributary.Curation;

namespace Tributary.Sources.OpenAq;

/// <summary>
/// Maps an OpenAQ v3 <c>/sensors/{id}/hours</c> page to hourly observations. OpenAQ labels hours by their END, so
/// the observation takes <c>period.datetimeFrom.utc</c> as its start with a one-hour period. A null value with
/// <c>flagInfo.hasFlags</c> is kept as Missing and SourceFlagged; coverage under 75 % is flagged LowCoverage.
/// </summary>
public sealed class OpenAqHoursMapper(IReadOnlyDictionary<string, Configuration.City> cities) : ISourceMapper
{
    public const string Id = "openaq";

    /// <summary>Below this <c>coverage.percentComplete</c> an hour is flagged LowCoverage (our threshold).</summary>
    public const double MinPercentComplete = 75;

    public string SourceId => Id;

    private const FieldKinds Text = FieldKinds.String, Number = FieldKinds.Number, Any = (FieldKinds)127;

    /// <summary>What it reads of a <c>/v3/sensors/{id}/hours</c> page; the summary and coordinates are known, not read.</summary>
    public PayloadSchema Schema { get; } = new(
    [
        new("results", FieldKinds.Array),
        new("results[].value", Number | FieldKinds.Null),
        new("results[].parameter.name", Text),
        new("results[].parameter.units", Text),
        new("results[].period.datetimeFrom.utc", Text),
        new("results[].period.datetimeTo.utc", Text),
        new("results[].flagInfo.hasFlags", FieldKinds.Boolean, Required: false),
        new("results[].coverage.percentComplete", Number, Required: false),
        new("results[].parameter", FieldKinds.Object, Required: false),
        new("results[].period", FieldKinds.Object, Required: false),
        new("results[].flagInfo", FieldKinds.Object, Required: false),
        new("results[].coverage", FieldKinds.Object | FieldKinds.Null, Required: false),
        new("results[].summary", FieldKinds.Object | FieldKinds.Null, Required: false),
        new("results[].coordinates", Any, Required: false),
    ], ["results[]"]);

    public MappingResult Map(Stream payload, RawPageContext context)
    {
        var cityId = context.KnownCity(cities, "give the sensor item a 'City'").Id;
        if (string.IsNullOrEmpty(context.ItemId))
        {
            throw new MalformedPayloadException($"Page '{context.BlobName}' has no sensor id (fan-out item).");
        }

        using var doc = JsonPayload.Parse(payload, context);
        if (doc.RootElement.Get("results", JsonValueKind.Array) is not { } results)
        {
            throw new MalformedPayloadException($"Page '{context.BlobName}' has no 'results' array.");
        }

        var locationId = $"openaq:sensor:{context.ItemId}";
        // Hourly results carry no coordinates (coordinates is null for stations); the manifest's item has them.
        var (latitude, longitude) = (context.NumberAttribute("latitude"), context.NumberAttribute("longitude"));
        var rejected = new List<RejectedRecord>();
        var observations = JsonPayload.MapEach(results, "results", rejected,
            (JsonElement result, out string? reason) => ToObservation(result, cityId, locationId, latitude, longitude, out reason));
        return new MappingResult(observations, rejected) { Dimensions = [Sensor(locationId, cityId, context, latitude, longitude)] };
    }

    /// <summary>The sensor as a dimension row, so observations join to their station, parameter and place.</summary>
    private static DimensionRecord Sensor(string locationId, string cityId, RawPageContext context, double? latitude, double? longitude) =>
        new("sensor", locationId, new Dictionary<string, string?>
        {
            ["source"] = Id,
            ["city"] = cityId,
            ["station"] = context.ItemAttributes?.GetValueOrDefault("station"),
            ["location"] = context.ItemAttributes?.GetValueOrDefault("location"),
            ["parameter"] = context.ItemAttributes?.GetValueOrDefault("parameter"),
            ["latitude"] = latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["longitude"] = longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static Observation? ToObservation(JsonElement result, string cityId, string locationId, double? latitude, double? longitude, out string? reason)
    {
        reason = null;
        var parameter = result.Get("parameter", JsonValueKind.Object);
        var name = parameter?.String("name");
        if (name is null || !OpenAqParameters.ByName.TryGetValue(name, out var known))
        {
            reason = $"parameter '{name}' is not one we keep";
            return null;
        }
        var period = result.Get("period", JsonValueKind.Object);
        var from = JsonPayload.Instant(period?.Get("datetimeFrom", JsonValueKind.Object)?.String("utc"));
        var to = JsonPayload.Instant(period?.Get("datetimeTo", JsonValueKind.Object)?.String("utc"));
        if (from is null || to is null || to <= from)
        {
            reason = "period.datetimeFrom.utc / datetimeTo.utc are missing or out of order";
            return null;
        }
        if (!result.TryGetProperty("value", out var cell))
        {
            reason = "'value' is missing (schema change?)";
            return null;
        }

        var flags = result.Get("flagInfo", JsonValueKind.Object)?.Flag("hasFlags") == true ? QualityFlags.SourceFlagged : QualityFlags.None;
        double? value = null;
        if (cell.ValueKind == JsonValueKind.Null)
        {
            flags |= QualityFlags.Missing;
        }
        else if (cell.ValueKind == JsonValueKind.Number && cell.TryGetDouble(out var raw) && double.IsFinite(raw))
        {
            var unit = parameter!.Value.String("units");
            if (OpenAqParameters.Factor(unit, known.Unit) is not { } factor)
            {
                reason = $"unit '{unit}' cannot be converted to {known.Unit}";
                return null;
            }
            value = factor == 1 ? raw : Math.Round(raw * factor, 9);
            if (factor != 1) flags |= QualityFlags.UnitConverted;
            if (value < known.Min || value > known.Max) flags |= QualityFlags.OutOfRange;
        }
        else
        {
            reason = "'value' is not a number or null";
            return null;
        }
        if (result.Get("coverage", JsonValueKind.Object)?.Number("percentComplete") is < MinPercentComplete)
        {
            flags |= QualityFlags.LowCoverage;
        }

        return new Observation(Id, known.Metric, locationId, cityId, latitude, longitude, from.Value, (int)(to.Value - from.Value).TotalSeconds,
            value, known.Unit, flags, $"{locationId}|{known.Metric}|{from.Value.UtcDateTime:yyyyMMdd'T'HHmm}");
    }
}
