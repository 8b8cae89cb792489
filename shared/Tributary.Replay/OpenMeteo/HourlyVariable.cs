namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// A unit a value is served in: its symbol in <c>hourly_units</c>, the vendor's decimals for it, and the factor from
/// the model's base unit (°C, %, m/s, mm, μg/m³).
/// </summary>
internal sealed record OutputUnit(string Symbol, int Decimals, double Factor = 1)
{
    public static OutputUnit Celsius { get; } = new("°C", 1);
    public static OutputUnit Percent { get; } = new("%", 0);
    public static OutputUnit Millimetres { get; } = new("mm", 2);

    /// <summary>Written with U+03BC GREEK SMALL LETTER MU, as Open-Meteo does (OpenAQ uses the micro sign).</summary>
    public static OutputUnit MicrogramsPerCubicMetre { get; } = new("\u03BCg/m\u00B3", 1);

    /// <summary>The <c>wind_speed_unit</c> choices; the vendor's default is km/h.</summary>
    public static IReadOnlyDictionary<string, OutputUnit> WindSpeeds { get; } = new Dictionary<string, OutputUnit>(StringComparer.Ordinal)
    {
        ["kmh"] = new("km/h", 1, 3.6),
        ["ms"] = new("m/s", 2),
        ["mph"] = new("mp/h", 1, 2.237),
        ["kn"] = new("kn", 1, 1.94384),
    };

    /// <summary>The value in this unit, as the vendor prints it.</summary>
    public string Format(double baseValue) => SwiftNumberText.Fixed(baseValue * Factor, Decimals);
}

/// <summary>An <c>hourly</c> variable: its unit (null: the requested wind speed unit) and its value per grid cell and UTC hour (null: no data).</summary>
internal sealed record HourlyVariable(string Name, OutputUnit? Unit, Func<GridCell, long, double?> ValueAt);
