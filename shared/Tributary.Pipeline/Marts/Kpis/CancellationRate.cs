using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>Cancellation rate % = 100 · |C| / all departures listed in the bucket.</summary>
public sealed class CancellationRate : KpiDefinition
{
    public const string KpiId = "cancellation_rate";

    public override string Id => KpiId;
    public override string Name => "Cancellation rate";
    public override string Unit => "%";
    public override string Description =>
        "Share of the departures on the boards that were cancelled. A departure without real-time data counts as not cancelled, as far as anyone knows.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.DepartureDelay];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City, KpiDimension.StopPlace];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var departures = DepartureStatistics.Of(inputs[Metrics.DepartureDelay]);
        return departures.All == 0
            ? KpiResult.Missing(KpiReasons.NoDepartures)
            : new KpiResult(100.0 * departures.Cancelled / departures.All, null, departures.All, departures.Coverage);
    }
}
