using System.Globalization;
using System.Text.Json;
using Tributary.Configuration;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Mapping;

/// <summary>Where a record's observations were made, and the part of their dedupe key that names the place.</summary>
internal sealed record RecordLocation(string LocationId, string CityId, double? Latitude, double? Longitude, string KeyPart)
{
    /// <summary>The location every record of the page shares (City, Item), or null when each record names its own (Fields).</summary>
    /// <exception cref="MalformedPayloadException">The request the page answered does not say what the mapping needs.</exception>
    public static RecordLocation? ForPage(LocationSpec spec, RawPageContext context, IReadOnlyDictionary<string, City> cities)
    {
        switch (spec.From)
        {
            case LocationSource.City:
                return ForCity(context.KnownCity(cities, "Mapping:Location:From is City, so the request must fan out over cities"));
            case LocationSource.Item:
                var item = context.ItemId ?? throw new MalformedPayloadException(
                    $"Page '{context.BlobName}' has no fan-out item, but Mapping:Location:From is Item.");
                var itemCity = context.KnownCity(cities, $"give fan-out item '{item}' a 'City'");
                var id = spec.IdFormat.Replace("{id}", item, StringComparison.Ordinal);
                return new RecordLocation(id, itemCity.Id,
                    context.NumberAttribute(spec.LatitudeField ?? "Latitude"), context.NumberAttribute(spec.LongitudeField ?? "Longitude"), id);
            default:
                return null;
        }
    }

    /// <summary>A city itself as the location: <c>city:{id}</c> at its configured point.</summary>
    public static RecordLocation ForCity(City city) => new($"city:{city.Id}", city.Id, city.Latitude, city.Longitude, city.Id);

    /// <summary>The configured city a record names in <paramref name="field"/> (its id, in any case), or null with the reason.</summary>
    public static City? CityOf(RecordSet records, int index, string field, IReadOnlyDictionary<string, City> cities, out string? reason)
    {
        var text = records.Get(index, field) is { ValueKind: JsonValueKind.String } s ? s.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            reason = $"city field '{field}' is missing or empty";
            return null;
        }
        if (cities.TryGetValue(text.ToLowerInvariant(), out var city))
        {
            reason = null;
            return city;
        }
        reason = $"city '{(text.Length <= 40 ? text : text[..40] + "…")}' is not a configured city ({string.Join(", ", cities.Keys.Order(StringComparer.Ordinal))})";
        return null;
    }

    /// <summary>The location a record names in its own fields.</summary>
    public static RecordLocation? ForRecord(LocationSpec spec, RecordSet records, int index, string cityId, out string? reason)
    {
        var idElement = records.Get(index, spec.IdField!);
        var id = idElement switch
        {
            { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } text => text,
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => null,
        };
        if (id is null)
        {
            reason = $"location id '{spec.IdField}' is missing or empty";
            return null;
        }
        reason = null;
        var location = spec.IdFormat.Replace("{id}", id, StringComparison.Ordinal);
        return new RecordLocation(location, cityId, Coordinate(records, index, spec.LatitudeField), Coordinate(records, index, spec.LongitudeField), location);
    }

    private static double? Coordinate(RecordSet records, int index, string? field) =>
        field is not null && records.Get(index, field) is { } e
            ? e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) ? d
            : e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s
            : null
            : null;
}
