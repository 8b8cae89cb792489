using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>Mean signed delay of the real-time departures D, in seconds.</summary>
public sealed class MeanDepartureDelay : KpiDefinition
{
    public const string KpiId = "mean_departure_delay";

    public override string Id => KpiId;
    public override string Name => "Mean departure delay";
    public override string Unit => "s";
    public override string Description =>
        "Mean delay of the departures with real-time data (actual or expected minus aimed departure); early departures count negative, cancelled ones are left out.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.DepartureDelay];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City, KpiDimension.StopPlace];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var departures = DepartureStatistics.Of(inputs[Metrics.DepartureDelay]);
        var coverage = departures.All == 0 ? 0 : (double)departures.Realtime / departures.All;
        return departures.MeanDelaySeconds is { } mean
            ? new KpiResult(mean, null, departures.Realtime, coverage)
            : KpiResult.Missing(KpiReasons.NoRealtimeDepartures, coverage);
    }
}
