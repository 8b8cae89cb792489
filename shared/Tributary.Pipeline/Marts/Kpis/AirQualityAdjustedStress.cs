using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>AQ-adjusted stress = CSS · (1 + max(0, AQI − 50) / 100): no penalty while the air is "Good".</summary>
public sealed class AirQualityAdjustedStress : KpiDefinition
{
    public const string KpiId = "aq_adjusted_stress";

    public override string Id => KpiId;
    public override string Name => "Air-quality-adjusted commute stress";
    public override string Unit => "min";
    public override string Description =>
        "The commute-stress score raised by 1 % per PM2.5 AQI point above 50 (the end of \"Good\").";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.DepartureDelay, Metrics.ApparentTemperature, Metrics.Pm25];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City, KpiDimension.StopPlace];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var stress = CommuteStress.Score(inputs);
        var pm25 = MeasuredMean.Of(inputs[Metrics.Pm25]);
        var coverage = Math.Min(stress.Coverage, pm25.Coverage);
        if (stress.Value is not { } css) return stress with { Coverage = coverage };
        if (pm25.Mean is not { } concentration) return KpiResult.Missing(KpiReasons.MissingPm25, coverage);
        var aqi = Pm25Aqi.Index(concentration);
        return new KpiResult(css * (1 + Math.Max(0, aqi - Pm25Aqi.GoodUpTo) / 100.0), null, stress.Used + pm25.Used, coverage);
    }
}
