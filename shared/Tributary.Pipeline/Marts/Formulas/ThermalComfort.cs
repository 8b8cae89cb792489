namespace Tributary.Marts.Formulas;

/// <summary>
/// Thermal comfort factor CF(Ta) in [0.2, 1] from the apparent temperature (data-sources.md section 8): the UTCI
/// "no thermal stress" band is 9..26 °C; cold-stress bands are about twice as wide as heat bands, hence the
/// steeper heat slope. Slopes and floor are design parameters.
/// </summary>
public static class ThermalComfort
{
    public const double ComfortLow = 9;
    public const double ComfortHigh = 26;
    public const double ColdSlope = 0.02;
    public const double HeatSlope = 0.04;
    public const double Floor = 0.2;

    public static double Factor(double apparentTemperatureCelsius)
    {
        var ta = apparentTemperatureCelsius;
        var factor = ta switch
        {
            <= ComfortLow => 1 - ColdSlope * (ComfortLow - ta),
            > ComfortHigh => 1 - HeatSlope * (ta - ComfortHigh),
            _ => 1,
        };
        return Math.Round(Math.Max(Floor, factor), 4);
    }
}
