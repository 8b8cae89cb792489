using Tributary.Replay.Determinism;

namespace Tributary.Replay.OpenMeteo;

/// <summary>One grid cell's weather for one UTC hour, in base units; precipitation is the sum of the hour ending at the label.</summary>
internal readonly record struct HourlyWeather(double TemperatureCelsius, double RelativeHumidityPercent, double WindSpeedMetresPerSecond, double PrecipitationMillimetres)
{
    /// <summary>Steadman's apparent temperature without radiation (the BoM form the vendor uses): humidity warms, wind cools.</summary>
    public double ApparentTemperatureCelsius =>
        TemperatureCelsius + (0.33 * RelativeHumidityPercent / 100.0 * 6.105 * Math.Exp(17.27 * TemperatureCelsius / (237.7 + TemperatureCelsius)))
        - (0.70 * WindSpeedMetresPerSecond) - 4.00;
}

/// <summary>
/// Plausible hourly weather as a pure function of (seed, grid cell, UTC hour), never of the time of the request, so
/// overlapping windows fetched at different times agree. Climate follows latitude and season, with a diurnal cycle
/// peaking mid-afternoon solar time, smooth multi-day "weather systems", and a few model gaps (nulls).
/// </summary>
internal sealed class WeatherModel(int seed)
{
    private const double DaysPerYear = 365.2422;

    // Day 19 after the epoch is 20 January, about the coldest day of the northern year.
    private const double ColdestDayOfYear = 19.0;
    private const double RainThreshold = 0.35;

    public float ElevationMetres(GridCell cell) => MathF.Round((float)(Unit(Stream.Elevation, cell, 0) * 400.0));

    public HourlyWeather? At(GridCell cell, long utcHour)
    {
        if (ModelGaps.IsGap(seed, (long)Stream.ModelGap, cell, utcHour)) return null;

        var days = utcHour / 24.0;
        double latitude = cell.Latitude;
        // +1 at the height of local summer, -1 in deep winter; hemispheres are mirrored.
        var season = -Math.Cos(2 * Math.PI * (days - ColdestDayOfYear) / DaysPerYear) * Math.Sign(latitude);
        var solarHour = ((utcHour % 24) + (cell.Longitude / 15.0) + 48) % 24;
        var afternoon = Math.Cos(2 * Math.PI * (solarHour - 15) / 24);
        var wetness = Noise(Stream.Wetness, cell, utcHour / 30.0);
        var cloudiness = Math.Clamp(0.5 + (0.6 * wetness), 0, 1);

        var temperature = (27.0 - (0.35 * Math.Abs(latitude))) + (0.18 * Math.Abs(latitude) * season)
            + ((1.5 + (3.0 * (1 - cloudiness))) * (0.8 + (0.2 * season)) * afternoon)
            + (4.0 * Noise(Stream.SynopticTemperature, cell, days / 3.0))
            + Noise(Stream.ShortTemperature, cell, utcHour / 8.0)
            - (0.0065 * ElevationMetres(cell));

        // Rain falls while the slow "wetness" signal is high; the amount is for the hour ending at the label.
        var wetnessBefore = Noise(Stream.Wetness, cell, (utcHour - 0.5) / 30.0);
        var precipitation = wetnessBefore <= RainThreshold ? 0 : (wetnessBefore - RainThreshold) * 2.0 * (0.2 + (0.8 * Unit(Stream.RainBurst, cell, utcHour)));

        var humidity = 72.0 - (6.0 * season) - (14.0 * afternoon * (1 - cloudiness)) + (18.0 * (cloudiness - 0.5))
            + (8.0 * Noise(Stream.Humidity, cell, days / 2.0));
        if (precipitation > 0) humidity = Math.Max(humidity, 88.0 + (10.0 * Unit(Stream.RainBurst, cell, utcHour)));

        var windSpeed = 3.2 * Math.Exp((0.45 * Noise(Stream.SlowWind, cell, days / 2.5)) + (0.2 * Noise(Stream.GustyWind, cell, utcHour / 5.0)))
            * (1 + (0.12 * afternoon) + (0.3 * Math.Max(0, wetness)));

        return new HourlyWeather(temperature, Math.Clamp(humidity, 20.0, 100.0), Math.Max(0, windSpeed), precipitation);
    }

    private double Noise(Stream stream, GridCell cell, double position) => SeededNoise.Smooth(seed, (long)stream, cell.Key, position);

    private double Unit(Stream stream, GridCell cell, long position) => SeededNoise.Unit(SeededNoise.Hash(seed, (long)stream, cell.Key, position));

    // Stream numbers are part of the generated data: never renumber them.
    private enum Stream
    {
        Elevation = 1,
        SynopticTemperature,
        ShortTemperature,
        Humidity,
        SlowWind,
        GustyWind,
        Wetness,
        RainBurst,
        ModelGap,
    }
}
