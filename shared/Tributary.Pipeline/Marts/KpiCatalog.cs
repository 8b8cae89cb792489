namespace Tributary.Marts;

public static class KpiCatalog
{
    public const string ThermalComfortId = "thermal_comfort";

    public static readonly KpiDefinition ThermalComfort = new(
        ThermalComfortId,
        "Thermal comfort factor",
        "1",
        "Hourly comfort of waiting outdoors from the apparent temperature: 1 in the UTCI no-thermal-stress band " +
        "(9..26 °C), falling 0.02 per °C below it and 0.04 per °C above it, never below 0.2.");

    public static readonly IReadOnlyList<KpiDefinition> All = [ThermalComfort];

    public static KpiDefinition? Find(string id) => All.FirstOrDefault(k => k.Id == id);
}
