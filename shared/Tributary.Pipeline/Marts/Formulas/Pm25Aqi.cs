namespace Tributary.Marts.Formulas;

/// <summary>
/// The US EPA PM2.5 AQI with the breakpoints revised effective 2024-05-06 (data-sources.md section 8): truncate the
/// concentration to 0.1 µg/m³, interpolate linearly within its breakpoint band, round to the nearest integer.
/// Above the last band the index is capped at 500. EPA defines it on 24-hour means; on an hourly mean it is an
/// "AQI-equivalent", not an official AQI.
/// </summary>
public static class Pm25Aqi
{
    /// <summary>The index at which air quality stops being "Good".</summary>
    public const int GoodUpTo = 50;

    public const int Cap = 500;

    // (BP_lo, BP_hi, I_lo, I_hi) in µg/m³ and index points. Decimal, so that 35.4 is 35.4 and not 35.39999...
    private static readonly (decimal Low, decimal High, int IndexLow, int IndexHigh)[] Breakpoints =
    [
        (0.0m, 9.0m, 0, 50),
        (9.1m, 35.4m, 51, 100),
        (35.5m, 55.4m, 101, 150),
        (55.5m, 125.4m, 151, 200),
        (125.5m, 225.4m, 201, 300),
        (225.5m, 325.4m, 301, 500),
    ];

    /// <param name="concentration">PM2.5 in µg/m³; a negative sensor reading counts as 0.</param>
    public static int Index(double concentration)
    {
        if (double.IsNaN(concentration)) throw new ArgumentOutOfRangeException(nameof(concentration), "PM2.5 concentration is NaN.");
        if (concentration >= (double)Breakpoints[^1].High + 0.1) return Cap;
        var cp = Math.Floor((decimal)Math.Max(0, concentration) * 10) / 10;
        foreach (var (low, high, indexLow, indexHigh) in Breakpoints)
        {
            if (cp > high) continue;
            var index = (indexHigh - indexLow) / (high - low) * (cp - low) + indexLow;
            return (int)Math.Round(index, MidpointRounding.AwayFromZero);
        }
        return Cap;
    }
}
