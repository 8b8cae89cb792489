using Tributary.Replay.Determinism;

namespace Tributary.Replay.OpenAq;

/// <summary>One pre-computed hourly mean, labelled by the END of its hour as OpenAQ does; null value with flags when the station had nothing.</summary>
internal sealed record HourlyMean(DateTimeOffset HourEnd, double? Value, int ObservedCount)
{
    /// <summary>Raw readings per hour the stations are expected to deliver (every 15 minutes).</summary>
    public const int ExpectedCount = 4;

    public double PercentComplete => 100.0 * ObservedCount / ExpectedCount;
}

/// <summary>
/// Hourly means from the seed: a smooth per-sensor level plus a morning and evening traffic peak in Oslo time, so
/// neighbouring hours agree whenever they are asked for. About 2 % of hours have no value, about 3 % low coverage.
/// </summary>
internal sealed class HourlyMeans(int seed)
{
    private const long LevelStream = 31;
    private const long GapStream = 32;
    private const long CoverageStream = 33;

    public HourlyMean At(AirSensor sensor, DateTimeOffset hourEnd)
    {
        var hour = hourEnd.ToUnixTimeSeconds() / 3600;
        if (SeededNoise.Unit(SeededNoise.Hash(seed, GapStream, sensor.Id, hour)) < 0.02) return new HourlyMean(hourEnd, null, 0);

        var observed = SeededNoise.Unit(SeededNoise.Hash(seed, CoverageStream, sensor.Id, hour)) < 0.03 ? 2 : HourlyMean.ExpectedCount;
        var local = OsloTime.ToOslo(hourEnd).Hour;
        var traffic = Math.Exp(-Math.Pow(local - 8, 2) / 4) + (0.8 * Math.Exp(-Math.Pow(local - 17, 2) / 5));
        var level = 0.5 + (0.35 * SeededNoise.Smooth(seed, LevelStream, sensor.Id, hour / 9.0));
        var value = sensor.Parameter.Name switch
        {
            "pm25" => 3 + (14 * level) + (9 * traffic),
            "pm10" => 6 + (22 * level) + (14 * traffic),
            "no2" => 0.004 + (0.012 * level) + (0.018 * traffic),
            _ => 0.018 + (0.02 * level) - (0.008 * traffic), // o3 dips when traffic NO titrates it.
        };
        return new HourlyMean(hourEnd, ThreeSignificantDigits(Math.Max(value, 0.0001)), observed);
    }

    /// <summary>OpenAQ rounds hourly values to 3 significant digits.</summary>
    public static double ThreeSignificantDigits(double value) =>
        value == 0 ? 0 : Math.Round(value, Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15));
}
