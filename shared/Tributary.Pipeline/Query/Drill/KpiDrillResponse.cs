using Tributary.Marts;

namespace Tributary.Query.Drill;

/// <summary>
/// A KPI bucket as stored (value, reason, inputs, coverage, input counts, lineage) and the observations it was computed
/// from, at most <see cref="Limit"/> of them (<see cref="Truncated"/> says when there were more; <see cref="ObservationsTotal"/> how many).
/// </summary>
public sealed record KpiDrillResponse(
    string Kpi,
    string Name,
    string Unit,
    string City,
    string? StopPlace,
    string Grain,
    DateTimeOffset BucketStartUtc,
    DateTimeOffset BucketEndUtc,
    double? Value,
    string? Reason,
    int Inputs,
    int Used,
    double Coverage,
    IReadOnlyDictionary<string, int> InputCounts,
    IReadOnlyList<LineageEntry> Lineage,
    int LineageBlobs,
    int ObservationsTotal,
    int Limit,
    bool Truncated,
    IReadOnlyList<DrilledObservation> Observations);
