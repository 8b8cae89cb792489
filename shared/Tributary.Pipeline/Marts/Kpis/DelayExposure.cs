using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>Delay exposure = C_pm25 · mean lateness in hours (µg·h/m³): the extra PM2.5 dose of waiting for late departures.</summary>
public sealed class DelayExposure : KpiDefinition
{
    public const string KpiId = "delay_exposure";

    public override string Id => KpiId;
    public override string Name => "Delay exposure";
    public override string Unit => "ug.h/m3";
    public override string Description =>
        "Mean PM2.5 concentration times the mean lateness of the real-time departures in hours: the extra particulate dose of waiting on the platform.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.DepartureDelay, Metrics.Pm25];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City, KpiDimension.StopPlace];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var departures = DepartureStatistics.Of(inputs[Metrics.DepartureDelay]);
        var pm25 = MeasuredMean.Of(inputs[Metrics.Pm25]);
        var coverage = Math.Min(departures.Coverage, pm25.Coverage);
        if (departures.MeanLatenessSeconds is not { } lateness) return KpiResult.Missing(KpiReasons.NoRealtimeDepartures, coverage);
        if (pm25.Mean is not { } concentration) return KpiResult.Missing(KpiReasons.MissingPm25, coverage);
        return new KpiResult(concentration * lateness / 3600, null, departures.Realtime + pm25.Used, coverage);
    }
}
