namespace Tributary.Configuration;

/// <summary>A demo location that sources are pulled for and KPIs are computed per.</summary>
/// <param name="Id">Stable lower-case id used in table keys, e.g. <c>oslo</c>.</param>
public sealed record City(string Id, string Name, double Latitude, double Longitude);
