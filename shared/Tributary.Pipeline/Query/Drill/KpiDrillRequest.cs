using Tributary.Marts;

namespace Tributary.Query.Drill;

/// <summary>One KPI bucket to drill into: a KPI, a city (and optionally a stop place), a grain and the bucket's UTC start.</summary>
/// <param name="Limit">The most observations to return (1..<see cref="KpiDrillService.MaxObservations"/>).</param>
public sealed record KpiDrillRequest(string Kpi, string? City, string? StopPlace, KpiGrain Grain, DateTimeOffset BucketStartUtc, int Limit = KpiDrillService.MaxObservations);
