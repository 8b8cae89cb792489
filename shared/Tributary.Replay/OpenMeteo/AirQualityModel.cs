using Tributary.Replay.Determinism;

namespace Tributary.Replay.OpenMeteo;

/// <summary>One grid cell's modelled air quality for one UTC hour, in μg/m³.</summary>
internal readonly record struct HourlyAirQuality(double Pm25, double Pm10, double NitrogenDioxide, double Ozone);

/// <summary>
/// Plausible modelled air quality (like the vendor's CAMS-based API) as a pure function of (seed, grid cell, UTC hour):
/// a smooth regional background, morning and evening traffic peaks of particles and NO2 in local solar time, and
/// ozone that rises in the afternoon sun and dips where traffic NO titrates it. Model gaps are nulls, as for the weather.
/// </summary>
internal sealed class AirQualityModel(int seed)
{
    public HourlyAirQuality? At(GridCell cell, long utcHour)
    {
        if (ModelGaps.IsGap(seed, (long)Stream.ModelGap, cell, utcHour)) return null;

        var solarHour = ((utcHour % 24) + (cell.Longitude / 15.0) + 48) % 24;
        var traffic = Math.Exp(-Math.Pow(solarHour - 8, 2) / 4) + (0.8 * Math.Exp(-Math.Pow(solarHour - 17, 2) / 5));
        var sunshine = Math.Max(0, Math.Cos(2 * Math.PI * (solarHour - 14) / 24));
        var background = 0.5 + (0.4 * SeededNoise.Smooth(seed, (long)Stream.Background, cell.Key, utcHour / 36.0));
        var local = 0.5 + (0.3 * SeededNoise.Smooth(seed, (long)Stream.Local, cell.Key, utcHour / 6.0));

        var pm25 = (2 + (12 * background) + (8 * traffic * local)) * (1 + (0.1 * local));
        var nitrogenDioxide = 4 + (10 * background) + (30 * traffic * local);
        var ozone = Math.Max(5, 45 + (35 * sunshine) - (0.6 * nitrogenDioxide) + (15 * (background - 0.5)));
        return new HourlyAirQuality(pm25, (pm25 * 1.6) + (4 * local), nitrogenDioxide, ozone);
    }

    public float ElevationMetres(GridCell cell) =>
        MathF.Round((float)(SeededNoise.Unit(SeededNoise.Hash(seed, (long)Stream.Elevation, cell.Key, 0)) * 400.0));

    // Stream numbers are part of the generated data: never renumber them.
    private enum Stream
    {
        Background = 41,
        Local,
        ModelGap,
        Elevation,
    }
}
