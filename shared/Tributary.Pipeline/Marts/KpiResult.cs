namespace Tributary.Marts;

/// <summary>What a KPI formula gives for one bucket.</summary>
/// <param name="Value">Null when an input is missing; then <paramref name="Reason"/> says which. Never a zero for missing input.</param>
/// <param name="Used">How many observations entered the formula (e.g. |D| + |C| for on-time performance).</param>
/// <param name="Coverage">The share (0..1) of the bucket's inputs that were usable, as the KPI defines it.</param>
public sealed record KpiResult(double? Value, string? Reason, int Used, double Coverage)
{
    public static KpiResult Missing(string reason, double coverage = 0) => new(null, reason, 0, coverage);
}
