using Microsoft.Extensions.Options;
using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>OTP % = 100 · |{i ∈ D : early ≤ dᵢ ≤ late}| / (|D| + |C|); cancellations count as not on time.</summary>
public sealed class OnTimePerformance(IOptions<KpiOptions> options) : KpiDefinition
{
    public const string KpiId = "on_time_performance";

    public override string Id => KpiId;
    public override string Name => "On-time performance";
    public override string Unit => "%";
    public override string Description =>
        $"Share of departures that left between {-options.Value.OnTimeEarliestSeconds / 60:0.##} min early and " +
        $"{options.Value.OnTimeLatestSeconds / 60:0.##} min late; cancelled departures count as not on time, departures without real-time data are left out.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.DepartureDelay];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City, KpiDimension.StopPlace];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var departures = DepartureStatistics.Of(inputs[Metrics.DepartureDelay]);
        if (departures.Known == 0) return KpiResult.Missing(KpiReasons.NoRealtimeDepartures, departures.Coverage);
        var onTime = departures.OnTime(options.Value.OnTimeEarliestSeconds, options.Value.OnTimeLatestSeconds);
        return new KpiResult(100.0 * onTime / departures.Known, null, departures.Known, departures.Coverage);
    }
}
