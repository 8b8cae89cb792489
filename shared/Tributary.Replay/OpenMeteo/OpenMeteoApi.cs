namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// One of the vendor's hourly APIs. They share the request and response format (and the rate limits and fault switch)
/// and differ in path, variables, grid, forecast horizon and first date served.
/// </summary>
/// <param name="VariableTypeName">The vendor's enum name in an invalid-<c>hourly</c> reason.</param>
/// <param name="Drift">The field the <c>schema-drift</c> fault renames.</param>
internal sealed record OpenMeteoApi(
    string Path,
    string VariableTypeName,
    float GridStepDegrees,
    IReadOnlyList<HourlyVariable> Variables,
    Func<GridCell, float> ElevationMetres,
    int DefaultForecastDays,
    int MaxForecastDays,
    DateOnly FirstDate,
    (string From, string To) Drift)
{
    public const int MaxPastDays = 92;

    /// <summary><c>/v1/forecast</c>: weather on a 0.02° grid, 7 days ahead by default, up to 16.</summary>
    public static OpenMeteoApi Forecast(int seed)
    {
        var model = new WeatherModel(seed);
        return new("/v1/forecast", "WeatherVariable", 0.02f,
        [
            new("temperature_2m", OutputUnit.Celsius, (cell, hour) => model.At(cell, hour)?.TemperatureCelsius),
            new("apparent_temperature", OutputUnit.Celsius, (cell, hour) => model.At(cell, hour)?.ApparentTemperatureCelsius),
            new("relative_humidity_2m", OutputUnit.Percent, (cell, hour) => model.At(cell, hour)?.RelativeHumidityPercent),
            new("wind_speed_10m", null, (cell, hour) => model.At(cell, hour)?.WindSpeedMetresPerSecond),
            new("precipitation", OutputUnit.Millimetres, (cell, hour) => model.At(cell, hour)?.PrecipitationMillimetres),
        ], model.ElevationMetres, 7, 16, new DateOnly(2016, 1, 1), ("apparent_temperature", "apparent_temp"));
    }

    /// <summary><c>/v1/air-quality</c> (live host air-quality-api.open-meteo.com): modelled pollutants on a 0.1° grid, 5 days ahead by default, up to 7.</summary>
    public static OpenMeteoApi AirQuality(int seed)
    {
        var model = new AirQualityModel(seed);
        var concentration = OutputUnit.MicrogramsPerCubicMetre;
        return new("/v1/air-quality", "AirQualityVariable", 0.1f,
        [
            new("pm10", concentration, (cell, hour) => model.At(cell, hour)?.Pm10),
            new("pm2_5", concentration, (cell, hour) => model.At(cell, hour)?.Pm25),
            new("nitrogen_dioxide", concentration, (cell, hour) => model.At(cell, hour)?.NitrogenDioxide),
            new("ozone", concentration, (cell, hour) => model.At(cell, hour)?.Ozone),
        ], model.ElevationMetres, 5, 7, new DateOnly(2013, 1, 1), ("pm2_5", "pm25"));
    }
}
