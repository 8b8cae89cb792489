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

    /// <summary>
    /// The UCUM unit each metric is stored in. A page whose observations carry another unit for one of these is
    /// inconsistent (data quality); a declared source's own metrics add theirs from its manifest.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CanonicalUnits { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AirTemperature] = "Cel",
        [ApparentTemperature] = "Cel",
        [RelativeHumidity] = "%",
        [WindSpeed] = "m/s",
        [PrecipitationAmount] = "mm",
        [DepartureDelay] = "s",
        [ScheduledDepartures] = "1",
        [Pm25] = "ug/m3",
        [Pm10] = "ug/m3",
        [No2] = "[ppm]",
        [O3] = "[ppm]",
    };
}
