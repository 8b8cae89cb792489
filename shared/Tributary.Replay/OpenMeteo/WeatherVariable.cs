namespace Tributary.Replay.OpenMeteo;

/// <summary>An <c>hourly</c> variable the replay server can generate, and where its value comes from.</summary>
internal sealed record WeatherVariable(string Name, Quantity Quantity, Func<HourlyWeather, double> Select)
{
    public static IReadOnlyList<WeatherVariable> All { get; } =
    [
        new("temperature_2m", Quantity.Temperature, w => w.TemperatureCelsius),
        new("apparent_temperature", Quantity.Temperature, w => w.ApparentTemperatureCelsius),
        new("relative_humidity_2m", Quantity.RelativeHumidity, w => w.RelativeHumidityPercent),
        new("wind_speed_10m", Quantity.WindSpeed, w => w.WindSpeedMetresPerSecond),
        new("precipitation", Quantity.Precipitation, w => w.PrecipitationMillimetres),
    ];

    public static WeatherVariable? Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal));
}
