using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>CSS = mean lateness in minutes over D / CF(Ta); 3.0 min late at Ta = -11 °C (CF 0.6) gives 5.0.</summary>
public sealed class CommuteStress : KpiDefinition
{
    public const string KpiId = "commute_stress";

    public override string Id => KpiId;
    public override string Name => "Commute-stress score";
    public override string Unit => "min";
    public override string Description =>
        "Mean lateness of the real-time departures (early ones count as on time) in minutes, divided by the thermal comfort factor: waiting hurts more in the cold or heat.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.DepartureDelay, Metrics.ApparentTemperature];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City, KpiDimension.StopPlace];

    public override KpiResult Compute(KpiInputs inputs) => Score(inputs);

    /// <summary>The score, shared with <see cref="AirQualityAdjustedStress"/>.</summary>
    internal static KpiResult Score(KpiInputs inputs)
    {
        var departures = DepartureStatistics.Of(inputs[Metrics.DepartureDelay]);
        var ta = MeasuredMean.Of(inputs[Metrics.ApparentTemperature]);
        var coverage = Math.Min(departures.Coverage, ta.Coverage);
        if (departures.MeanLatenessSeconds is not { } lateness) return KpiResult.Missing(KpiReasons.NoRealtimeDepartures, coverage);
        if (ta.Mean is not { } temperature) return KpiResult.Missing(KpiReasons.MissingApparentTemperature, coverage);
        return new KpiResult(lateness / 60 / ThermalComfort.Factor(temperature), null, departures.Realtime + ta.Used, coverage);
    }
}
