using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>CF(Ta) of the bucket's mean apparent temperature (<see cref="ThermalComfort"/>).</summary>
public sealed class ThermalComfortFactor : KpiDefinition
{
    public const string KpiId = "thermal_comfort";

    public override string Id => KpiId;
    public override string Name => "Thermal comfort factor";
    public override string Unit => "1";
    public override string Description =>
        "Comfort of waiting outdoors from the apparent temperature: 1 in the UTCI no-thermal-stress band " +
        "(9..26 °C), falling 0.02 per °C below it and 0.04 per °C above it, never below 0.2.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.ApparentTemperature];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var ta = MeasuredMean.Of(inputs[Metrics.ApparentTemperature]);
        return ta.Mean is { } mean
            ? new KpiResult(ThermalComfort.Factor(mean), null, ta.Used, ta.Coverage)
            : KpiResult.Missing(KpiReasons.MissingApparentTemperature, ta.Coverage);
    }
}
