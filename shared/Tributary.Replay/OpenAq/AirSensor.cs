namespace Tributary.Replay.OpenAq;

/// <summary>One sensor of a station: it measures one parameter; its id is what <c>/v3/sensors/{id}/hours</c> takes.</summary>
internal sealed record AirSensor(int Id, AirParameter Parameter, AirLocation Location)
{
    /// <summary>As OpenAQ names sensors: parameter and unit.</summary>
    public string Name => $"{Parameter.Name} {Parameter.Units}";
}
