using Tributary.Curation;
using Tributary.Marts.Formulas;

namespace Tributary.Marts.Kpis;

/// <summary>
/// Service delivered % = 100 · |D| / S: the real-time departures the Journey Planner boards saw against the GTFS
/// timetable's <c>scheduled_departures</c> for the same quays. Only (stop place, hour) cells a board saw at least
/// one departure in are compared, and only quays with a known stop place (the marts resolve those that appeared on a
/// board that day), because a board lists the next departures of its stop place and nothing else: hours it never
/// reached, and stops without a board, are not missing service.
/// </summary>
public sealed class ServiceDelivered : KpiDefinition
{
    public const string KpiId = "service_delivered";

    public override string Id => KpiId;
    public override string Name => "Service delivered vs scheduled";
    public override string Unit => "%";
    public override string Description =>
        "Departures that ran with real-time tracking, as a share of the departures the GTFS timetable schedules at the same quays in the hours the departure boards covered.";
    public override IReadOnlyList<string> Inputs { get; } = [Metrics.DepartureDelay, Metrics.ScheduledDepartures];
    public override IReadOnlyList<KpiDimension> Dimensions { get; } = [KpiDimension.City, KpiDimension.StopPlace];

    public override KpiResult Compute(KpiInputs inputs)
    {
        var departures = inputs[Metrics.DepartureDelay];
        if (departures.Count == 0) return KpiResult.Missing(KpiReasons.NoDepartures);
        var covered = departures.Where(d => d.StopPlace is not null).Select(Cell).ToHashSet();
        var scheduled = inputs[Metrics.ScheduledDepartures]
            .Where(s => s.Value is not null && s.StopPlace is not null && covered.Contains(Cell(s)))
            .Sum(s => s.Value!.Value);
        var delivered = DepartureStatistics.Of(departures).Realtime;
        var coverage = scheduled == 0 ? 0 : Math.Min(1, departures.Count / scheduled);
        return scheduled == 0
            ? KpiResult.Missing(KpiReasons.NoScheduledDepartures)
            : new KpiResult(100.0 * delivered / scheduled, null, delivered, coverage);
    }

    private static (string?, DateTimeOffset) Cell(InputObservation o) => (o.StopPlace, KpiGrain.Hour.BucketOf(o.TimestampUtc));
}
