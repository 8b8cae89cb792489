using System.Globalization;

namespace Tributary.Sources.Gtfs;

/// <summary>A row of <c>stops.txt</c> that lies in one of our cities.</summary>
internal sealed record GtfsStop(string Id, string? Name, double Latitude, double Longitude, string LocationType, string? ParentStation,
    string? PlatformCode, string? WheelchairBoarding, string CityId)
{
    public DimensionRecord ToDimension() => new("stop", Id, new Dictionary<string, string?>
    {
        ["name"] = Name,
        ["latitude"] = Latitude.ToString(CultureInfo.InvariantCulture),
        ["longitude"] = Longitude.ToString(CultureInfo.InvariantCulture),
        ["locationType"] = LocationType,
        ["parentStation"] = ParentStation,
        ["platformCode"] = PlatformCode,
        ["wheelchairBoarding"] = WheelchairBoarding,
        ["city"] = CityId,
    });
}
