using System.Diagnostics.CodeAnalysis;

namespace Tributary.Sources.Mapping;

/// <summary>
/// A linear conversion <c>canonical = vendor * Scale + Offset</c> from the unit a vendor writes to the canonical UCUM
/// unit of a metric. Vendors spell units their own way (<c>°C</c>, <c>km/h</c>, <c>μg/m³</c>); those spellings are
/// read as their UCUM codes first, so "°C" to "Cel" is the identity and not flagged as a conversion.
/// </summary>
public sealed record UnitConversion(double Scale, double Offset)
{
    public static UnitConversion Identity { get; } = new(1, 0);

    /// <summary>Litres per mole of an ideal gas at 25 °C and 1 atm, the reference of ppm/µg·m⁻³ conversions (EPA, WHO).</summary>
    private const double MolarVolume = 24.45;

    public bool IsIdentity => Scale == 1 && Offset == 0;

    /// <summary>Converts and rounds to 6 decimals, so a converted value does not carry floating-point noise into the tables.</summary>
    public double Apply(double value) => IsIdentity ? value : Math.Round(value * Scale + Offset, 6);

    /// <summary>The UCUM code of a vendor's spelling (<c>°C</c> is <c>Cel</c>); an unknown spelling is returned as written.</summary>
    public static string Ucum(string unit) => Spellings.TryGetValue(unit.Trim(), out var code) ? code : unit.Trim();

    /// <summary>Whether <paramref name="unit"/> is a canonical UCUM unit this pipeline stores.</summary>
    public static bool IsCanonical(string unit) => Canonical.Contains(unit);

    /// <param name="molarMass">g/mol of the substance, needed only between mass concentration and mixing ratio.</param>
    public static bool TryFind(string vendorUnit, string canonicalUnit, double? molarMass, [NotNullWhen(true)] out UnitConversion? conversion)
    {
        var from = Ucum(vendorUnit);
        conversion = from == canonicalUnit ? Identity
            : Linear.TryGetValue((from, canonicalUnit), out var linear) ? linear
            : molarMass is > 0 && (from, canonicalUnit) is ("ug/m3", "[ppm]") ? new UnitConversion(MolarVolume / (molarMass.Value * 1000), 0)
            : molarMass is > 0 && (from, canonicalUnit) is ("[ppm]", "ug/m3") ? new UnitConversion(molarMass.Value * 1000 / MolarVolume, 0)
            : null;
        return conversion is not null;
    }

    private static readonly HashSet<string> Canonical = new(StringComparer.Ordinal)
    {
        "Cel", "K", "m/s", "mm", "%", "ug/m3", "[ppm]", "Pa", "s", "m", "1", "W/m2",
    };

    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["°C"] = "Cel", ["ºC"] = "Cel", ["degC"] = "Cel",
        ["°F"] = "[degF]", ["ºF"] = "[degF]", ["degF"] = "[degF]",
        ["kmh"] = "km/h", ["km/hr"] = "km/h",
        ["mph"] = "[mi_i]/h", ["mp/h"] = "[mi_i]/h",
        ["kn"] = "[kn_i]", ["kt"] = "[kn_i]", ["knots"] = "[kn_i]",
        ["inch"] = "[in_i]", ["in"] = "[in_i]",
        // Both the Greek mu (U+03BC, Open-Meteo) and the micro sign (U+00B5, OpenAQ) are in use.
        ["μg/m³"] = "ug/m3", ["µg/m³"] = "ug/m3", ["µg/m3"] = "ug/m3", ["μg/m3"] = "ug/m3", ["ug/m³"] = "ug/m3",
        ["mg/m³"] = "mg/m3",
        ["ppm"] = "[ppm]", ["ppb"] = "[ppb]",
        ["W/m²"] = "W/m2",
    };

    private static readonly Dictionary<(string From, string To), UnitConversion> Linear = new()
    {
        [("[degF]", "Cel")] = new(5.0 / 9, -32 * 5.0 / 9),
        [("K", "Cel")] = new(1, -273.15),
        [("Cel", "K")] = new(1, 273.15),
        [("km/h", "m/s")] = new(1 / 3.6, 0),
        [("[mi_i]/h", "m/s")] = new(0.44704, 0),
        [("[kn_i]", "m/s")] = new(1852.0 / 3600, 0),
        [("[in_i]", "mm")] = new(25.4, 0),
        [("cm", "mm")] = new(10, 0),
        [("mg/m3", "ug/m3")] = new(1000, 0),
        [("[ppb]", "[ppm]")] = new(0.001, 0),
        [("hPa", "Pa")] = new(100, 0),
        [("kPa", "Pa")] = new(1000, 0),
        [("min", "s")] = new(60, 0),
        [("h", "s")] = new(3600, 0),
        [("km", "m")] = new(1000, 0),
    };
}
