namespace Tributary.Replay.OpenAq;

/// <summary>A monitoring station (an OpenAQ "location") and its sensors.</summary>
internal sealed record AirLocation(int Id, string Name, string Locality, double Latitude, double Longitude, string City)
{
    public List<AirSensor> Sensors { get; } = [];
}
