namespace Tributary.Curation;

/// <summary>Canonical metric ids (snake_case, stable: they are part of table keys).</summary>
public static class Metrics
{
    public const string AirTemperature = "air_temperature";
    public const string ApparentTemperature = "apparent_temperature";
    public const string RelativeHumidity = "relative_humidity";
    public const string WindSpeed = "wind_speed";
    public const string PrecipitationAmount = "precipitation_amount";
    public const string DepartureDelay = "departure_delay";
    public const string ScheduledDepartures = "scheduled_departures";
    public const string Pm25 = "pm25";
    public const string Pm10 = "pm10";
    public const string No2 = "no2";
    public const string O3 = "o3";
}
