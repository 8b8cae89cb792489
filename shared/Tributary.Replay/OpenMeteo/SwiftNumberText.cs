using System.Globalization;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// Number text as the vendor's Swift server prints it: coordinates and elevation as Float descriptions
/// (<c>59.919998</c>, <c>14.0</c>), data values with a fixed number of decimals per unit (<c>%.1f</c>).
/// </summary>
internal static class SwiftNumberText
{
    public static string Float(float value) => Description(value.ToString("R", CultureInfo.InvariantCulture));

    public static string Double(double value) => Description(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Rounded half away from zero (Swift's <c>rounded()</c>), then printed with exactly <paramref name="decimals"/> digits.</summary>
    public static string Fixed(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    // Swift always shows a fractional part ("38.0") and writes exponents in lower case ("1e-05").
    private static string Description(string shortest) =>
        shortest.Contains('E', StringComparison.Ordinal) ? shortest.Replace('E', 'e')
        : shortest.Contains('.', StringComparison.Ordinal) ? shortest : shortest + ".0";
}
