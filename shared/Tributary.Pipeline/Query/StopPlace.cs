namespace Tributary.Query;

/// <summary>A stop place (a station with its quays) as the catalog lists it and <c>stop=</c> accepts it.</summary>
/// <param name="Name">From the GTFS stop; null when only its quays are in the dimension.</param>
/// <param name="Latitude">WGS84; the mean of its quays' when the stop place itself has no row.</param>
public sealed record StopPlace(string Id, string? Name, string City, double? Latitude, double? Longitude);
