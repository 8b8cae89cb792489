namespace Tributary.Curation;

/// <summary>Canonical metric ids (snake_case, stable: they are part of table keys).</summary>
public static class Metrics
{
    public const string AirTemperature = "air_temperature";
    public const string ApparentTemperature = "apparent_temperature";
    public const string RelativeHumidity = "relative_humidity";
    public const string WindSpeed = "wind_speed";
    public const string PrecipitationAmount = "precipitation_amount";
}
