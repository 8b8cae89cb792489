namespace Tributary.Sources.Manifests;

public enum LocationSource
{
    /// <summary>The city the request fanned out over; location <c>city:{id}</c> at the city's configured point.</summary>
    City,

    /// <summary>The fan-out item: location <see cref="LocationSpec.IdFormat"/>, coordinates from the item's attributes.</summary>
    Item,

    /// <summary>Fields of each record: <see cref="LocationSpec.IdField"/>, <see cref="LocationSpec.LatitudeField"/>, <see cref="LocationSpec.LongitudeField"/>.</summary>
    Fields,
}

/// <summary>
/// Where an observation was made. The city comes from the request (fan-out city or item's city), or, with
/// <see cref="CityField"/>, from each record (a push source, which has no request).
/// </summary>
public sealed class LocationSpec
{
    /// <summary>Dotted path inside a record to its city id (one of the configured cities); required for a push source.</summary>
    public string? CityField { get; set; }

    public LocationSource From { get; set; } = LocationSource.City;

    /// <summary>The location id, with <c>{id}</c> for the item's or the record's id, e.g. <c>openaq:sensor:{id}</c>.</summary>
    public string IdFormat { get; set; } = "{id}";

    /// <summary>For <see cref="LocationSource.Fields"/>: dotted path inside a record to the location's id.</summary>
    public string? IdField { get; set; }

    /// <summary>Dotted path inside a record (Fields) or item attribute name (Item) holding the latitude.</summary>
    public string? LatitudeField { get; set; }

    /// <summary>Dotted path inside a record (Fields) or item attribute name (Item) holding the longitude.</summary>
    public string? LongitudeField { get; set; }
}
