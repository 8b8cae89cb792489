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
                var city = context.KnownCity(cities, "Mapping:Location:From is City, so the request must fan out over cities");
                return new RecordLocation($"city:{city.Id}", city.Id, city.Latitude, city.Longitude, city.Id);
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
