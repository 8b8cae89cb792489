using Tributary.Curation;

namespace Tributary.Sources.OpenMeteo;

/// <summary>The hourly variables we request, the canonical metric each becomes, and its SI unit (UCUM).</summary>
internal static class OpenMeteoVariables
{
    public sealed record Variable(string Name, string Metric, string Unit, string ExpectedVendorUnit, bool PrecedingHourSum, double Min, double Max);

    public static readonly IReadOnlyList<Variable> All =
    [
        new("temperature_2m", Metrics.AirTemperature, "Cel", "°C", false, -60, 60),
        new("apparent_temperature", Metrics.ApparentTemperature, "Cel", "°C", false, -80, 70),
        new("relative_humidity_2m", Metrics.RelativeHumidity, "%", "%", false, 0, 100),
        new("wind_speed_10m", Metrics.WindSpeed, "m/s", "m/s", false, 0, 120),
        new("precipitation", Metrics.PrecipitationAmount, "mm", "mm", true, 0, 500),
    ];

    public static string QueryList => string.Join(',', All.Select(v => v.Name));
}
