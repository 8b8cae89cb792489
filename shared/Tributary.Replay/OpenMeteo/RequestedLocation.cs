namespace Tributary.Replay.OpenMeteo;

/// <summary>One response object to produce: a requested point with its zone and optional dates.</summary>
/// <param name="LocationId">Index of the coordinate in the request; echoed as <c>location_id</c> when not 0.</param>
internal sealed record RequestedLocation(int LocationId, float Latitude, float Longitude, ResponseZone Zone, DateRange? Dates);
