namespace Tributary.Replay.OpenMeteo;

/// <summary>One grid cell's weather for one UTC hour, in base units.</summary>
/// <param name="TemperatureCelsius">Air temperature at 2 m, instant.</param>
/// <param name="RelativeHumidityPercent">Relative humidity at 2 m, instant.</param>
/// <param name="WindSpeedMetresPerSecond">Wind speed at 10 m, instant.</param>
/// <param name="PrecipitationMillimetres">Sum over the hour that ends at this hour's label.</param>
internal readonly record struct HourlyWeather(
    double TemperatureCelsius,
    double RelativeHumidityPercent,
    double WindSpeedMetresPerSecond,
    double PrecipitationMillimetres)
{
    /// <summary>
    /// Steadman's apparent temperature without radiation (the Australian BoM form the vendor uses):
    /// humidity makes warm air feel warmer, wind makes any air feel colder.
    /// </summary>
    public double ApparentTemperatureCelsius
    {
        get
        {
            var vapourPressureHectopascal = RelativeHumidityPercent / 100.0 * 6.105
                * Math.Exp(17.27 * TemperatureCelsius / (237.7 + TemperatureCelsius));
            return TemperatureCelsius + (0.33 * vapourPressureHectopascal) - (0.70 * WindSpeedMetresPerSecond) - 4.00;
        }
    }
}
