using Tributary.Replay.Determinism;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// Plausible hourly weather as a pure function of (seed, grid cell, UTC hour): never of the time of the request,
/// so overlapping windows fetched at different times agree. Climate follows latitude and season, with a diurnal
/// cycle peaking mid-afternoon solar time, smooth multi-day "weather systems", and a few model gaps.
/// </summary>
internal sealed class WeatherGenerator(int seed)
{
    private const double HoursPerDay = 24.0;
    private const double DaysPerYear = 365.2422;

    // Day 19 after the epoch is 20 January, about the coldest day of the northern year.
    private const double ColdestDayOfYear = 19.0;

    private const double LapseRateCelsiusPerMetre = 0.0065;
    private const double RainThreshold = 0.35;

    // One model gap of 1-2 hours per 100-hour block, kept off the block edges so gaps never join: ~1.5% nulls.
    private const int GapBlockHours = 100;

    public float ElevationMetres(GridCell cell) =>
        MathF.Round((float)(SeededNoise.Unit(SeededNoise.Hash(seed, (long)NoiseStream.Elevation, cell.Key, 0)) * 400.0));

    /// <summary>The cell's weather at <paramref name="utcHour"/> (hours since the Unix epoch), or null inside a model gap.</summary>
    public HourlyWeather? At(GridCell cell, long utcHour)
    {
        if (IsModelGap(cell, utcHour))
        {
            return null;
        }

        var days = utcHour / HoursPerDay;
        double latitude = cell.Latitude;
        var absoluteLatitude = Math.Abs(latitude);

        // +1 at the height of local summer, -1 in deep winter; hemispheres are mirrored.
        var season = -Math.Cos(2 * Math.PI * (days - ColdestDayOfYear) / DaysPerYear) * Math.Sign(latitude);
        var summerness = (season + 1) / 2;

        var solarHour = ((utcHour % 24) + (cell.Longitude / 15.0) + 48) % 24;
        var afternoon = Math.Cos(2 * Math.PI * (solarHour - 15) / HoursPerDay);

        var wetness = Noise(NoiseStream.Wetness, cell, utcHour / 30.0);
        var cloudiness = Math.Clamp(0.5 + (0.6 * wetness), 0, 1);

        var temperature = (27.0 - (0.35 * absoluteLatitude))
            + (0.18 * absoluteLatitude * season)
            + ((1.5 + (3.0 * (1 - cloudiness))) * (0.6 + (0.4 * summerness)) * afternoon)
            + (4.0 * Noise(NoiseStream.SynopticTemperature, cell, days / 3.0))
            + (1.0 * Noise(NoiseStream.ShortTemperature, cell, utcHour / 8.0))
            - (LapseRateCelsiusPerMetre * ElevationMetres(cell));

        var precipitation = PrecipitationEndingAt(cell, utcHour);

        var humidity = 72.0 - (6.0 * season) - (14.0 * afternoon * (1 - cloudiness))
            + (18.0 * (cloudiness - 0.5))
            + (8.0 * Noise(NoiseStream.Humidity, cell, days / 2.0));
        if (precipitation > 0)
        {
            humidity = Math.Max(humidity, 88.0 + (10.0 * Unit(NoiseStream.RainBurst, cell, utcHour)));
        }

        var windSpeed = 3.2
            * Math.Exp((0.45 * Noise(NoiseStream.SlowWind, cell, days / 2.5)) + (0.2 * Noise(NoiseStream.GustyWind, cell, utcHour / 5.0)))
            * (1 + (0.12 * afternoon) + (0.3 * Math.Max(0, wetness)));

        return new HourlyWeather(temperature, Math.Clamp(humidity, 20.0, 100.0), Math.Max(0, windSpeed), precipitation);
    }

    /// <summary>True when the vendor's model would have no value for this hour; never more than 2 hours in a row.</summary>
    public bool IsModelGap(GridCell cell, long utcHour)
    {
        var block = Math.DivRem(utcHour, GapBlockHours, out var hourInBlock);
        if (hourInBlock < 0)
        {
            block--;
            hourInBlock += GapBlockHours;
        }

        var hash = SeededNoise.Hash(seed, (long)NoiseStream.ModelGap, cell.Key, block);
        var gapStart = 1 + (long)(hash % (GapBlockHours - 3));
        var gapLength = 1 + (long)((hash >> 32) % 2);
        return hourInBlock >= gapStart && hourInBlock < gapStart + gapLength;
    }

    // Rain falls while the slow "wetness" signal is high; the amount is for the hour ending at the label.
    private double PrecipitationEndingAt(GridCell cell, long utcHour)
    {
        var wetness = Noise(NoiseStream.Wetness, cell, (utcHour - 0.5) / 30.0);
        if (wetness <= RainThreshold)
        {
            return 0;
        }

        return (wetness - RainThreshold) * 2.0 * (0.2 + (0.8 * Unit(NoiseStream.RainBurst, cell, utcHour)));
    }

    private double Noise(NoiseStream stream, GridCell cell, double position) =>
        SeededNoise.Smooth(seed, (long)stream, cell.Key, position);

    private double Unit(NoiseStream stream, GridCell cell, long position) =>
        SeededNoise.Unit(SeededNoise.Hash(seed, (long)stream, cell.Key, position));

    private enum NoiseStream
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
