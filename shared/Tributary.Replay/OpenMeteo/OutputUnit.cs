namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// A unit a value can be served in: its symbol in <c>hourly_units</c>, the vendor's decimals for it, and the linear
/// conversion from the generator's base unit (°C, %, m/s, mm). Factors and decimals are the vendor's own.
/// </summary>
internal sealed record OutputUnit(string Symbol, int Decimals, double Factor, double Offset = 0)
{
    public static OutputUnit Celsius { get; } = new("°C", 1, 1);
    public static OutputUnit Fahrenheit { get; } = new("°F", 1, 9.0 / 5.0, 32);
    public static OutputUnit Percent { get; } = new("%", 0, 1);
    public static OutputUnit KilometresPerHour { get; } = new("km/h", 1, 3.6);
    public static OutputUnit MetresPerSecond { get; } = new("m/s", 2, 1);
    public static OutputUnit MilesPerHour { get; } = new("mp/h", 1, 2.237);
    public static OutputUnit Knots { get; } = new("kn", 1, 1.94384);
    public static OutputUnit Millimetres { get; } = new("mm", 2, 1);
    public static OutputUnit Inches { get; } = new("inch", 3, 1 / 25.4);

    /// <summary>The value in this unit, as the vendor prints it.</summary>
    public string Format(double baseValue) => SwiftNumberText.Fixed((baseValue * Factor) + Offset, Decimals);
}
