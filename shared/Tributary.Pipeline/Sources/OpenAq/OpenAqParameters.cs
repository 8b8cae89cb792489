using Tributary.Curation;

namespace Tributary.Sources.OpenAq;

/// <summary>The OpenAQ parameters we keep, their canonical metric and unit (UCUM), and how vendor units convert.</summary>
internal static class OpenAqParameters
{
    public sealed record Parameter(string Name, string Metric, string Unit, double Min, double Max);

    public static readonly IReadOnlyDictionary<string, Parameter> ByName = new Dictionary<string, Parameter>(StringComparer.Ordinal)
    {
        ["pm25"] = new("pm25", Metrics.Pm25, "ug/m3", 0, 1000),
        ["pm10"] = new("pm10", Metrics.Pm10, "ug/m3", 0, 2000),
        // Gases stay in ppm: converting to a mass concentration needs temperature and pressure we do not have.
        ["no2"] = new("no2", Metrics.No2, "[ppm]", 0, 5),
        ["o3"] = new("o3", Metrics.O3, "[ppm]", 0, 5),
    };

    /// <summary>The factor from the vendor's unit to the canonical one, or null when it cannot be converted.</summary>
    public static double? Factor(string? vendorUnit, string canonicalUnit) => (Normalise(vendorUnit), canonicalUnit) switch
    {
        ("ug/m3", "ug/m3") => 1,
        ("mg/m3", "ug/m3") => 1000,
        ("ppm", "[ppm]") => 1,
        ("ppb", "[ppm]") => 0.001,
        _ => null,
    };

    // OpenAQ writes µg/m³ with U+00B5 MICRO SIGN; other writers use U+03BC GREEK MU. Both mean micro.
    private static string? Normalise(string? unit) => unit?.Trim()
        .Replace('\u00B5', 'u').Replace('\u03BC', 'u').Replace('\u00B3', '3').ToLowerInvariant();
}
