using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>The EPA 2024 PM2.5 AQI (<see cref="Pm25Aqi"/>) of the bucket's mean concentration over the city's sensors.</summary>
public sealed class Pm25AqiEquivalent : KpiDefinition
{
    public const string KpiId = "pm25_aqi";

    public override string Id => KpiId;
    public override string Name => "PM2.5 AQI-equivalent";
    public override string Unit => "1";
    public override string Description =>
        "US EPA PM2.5 air quality index (2024 breakpoints) of the mean concentration of the city's sensors. EPA defines it on 24-hour means, " +
        "so the daily value is the index and the hourly one an AQI-equivalent.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.Pm25];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var pm25 = MeasuredMean.Of(inputs[Metrics.Pm25]);
        return pm25.Mean is { } mean
            ? new KpiResult(Pm25Aqi.Index(mean), null, pm25.Used, pm25.Coverage)
            : KpiResult.Missing(KpiReasons.MissingPm25, pm25.Coverage);
    }
}
