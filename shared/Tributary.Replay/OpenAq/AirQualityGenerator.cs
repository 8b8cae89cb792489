using Tributary.Replay.Determinism;

namespace Tributary.Replay.OpenAq;

/// <summary>
/// Hourly means from the seed: a smooth per-sensor level plus a morning and evening traffic peak, so neighbouring
/// hours agree whenever they are asked for. About 2 % of hours have no value (flagged), about 3 % low coverage.
/// </summary>
internal sealed class AirQualityGenerator(int seed)
{
    private const long LevelStream = 31;
    private const long GapStream = 32;
    private const long CoverageStream = 33;

    public HourlyMean At(AirSensor sensor, DateTimeOffset hourEnd)
    {
        var hour = hourEnd.ToUnixTimeSeconds() / 3600;
        if (SeededNoise.Unit(SeededNoise.Hash(seed, GapStream, sensor.Id, hour)) < 0.02)
        {
            return new HourlyMean(hourEnd, null, true, 0);
        }
        var observed = SeededNoise.Unit(SeededNoise.Hash(seed, CoverageStream, sensor.Id, hour)) < 0.03 ? 2 : HourlyMean.ExpectedCount;
        var local = hourEnd.ToOffset(OsloOffset(hourEnd)).Hour;
        var traffic = Math.Exp(-Math.Pow(local - 8, 2) / 4) + (0.8 * Math.Exp(-Math.Pow(local - 17, 2) / 5));
        var level = 0.5 + (0.35 * SeededNoise.Smooth(seed, LevelStream, sensor.Id, hour / 9.0));
        var value = sensor.Parameter.Name switch
        {
            "pm25" => 3 + (14 * level) + (9 * traffic),
            "pm10" => 6 + (22 * level) + (14 * traffic),
            "no2" => 0.004 + (0.012 * level) + (0.018 * traffic),
            _ => 0.018 + (0.02 * level) - (0.008 * traffic), // o3 dips when traffic NO titrates it.
        };
        return new HourlyMean(hourEnd, ThreeSignificantDigits(Math.Max(value, 0.0001)), false, observed);
    }

    /// <summary>OpenAQ rounds hourly values to 3 significant digits.</summary>
    public static double ThreeSignificantDigits(double value)
    {
        if (value == 0) return 0;
        var digits = 2 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return digits >= 0 ? Math.Round(value, Math.Min(digits, 15)) : Math.Round(value / Math.Pow(10, -digits)) * Math.Pow(10, -digits);
    }

    /// <summary>Europe/Oslo's offset at an instant, from the system time zone database.</summary>
    public static TimeSpan OsloOffset(DateTimeOffset instant) => Oslo.GetUtcOffset(instant);

    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
}
