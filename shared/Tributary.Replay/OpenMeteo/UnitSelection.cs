namespace Tributary.Replay.OpenMeteo;

/// <summary>The units a request asked for via <c>temperature_unit</c>, <c>wind_speed_unit</c> and <c>precipitation_unit</c>.</summary>
internal sealed record UnitSelection(OutputUnit Temperature, OutputUnit WindSpeed, OutputUnit Precipitation)
{
    public static UnitSelection VendorDefault { get; } =
        new(OutputUnit.Celsius, OutputUnit.KilometresPerHour, OutputUnit.Millimetres);

    public OutputUnit For(Quantity quantity) => quantity switch
    {
        Quantity.Temperature => Temperature,
        Quantity.RelativeHumidity => OutputUnit.Percent,
        Quantity.WindSpeed => WindSpeed,
        Quantity.Precipitation => Precipitation,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, null),
    };
}
