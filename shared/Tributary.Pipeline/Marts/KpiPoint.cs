namespace Tributary.Marts;

/// <summary>One KPI bucket: the hour it starts, its value (null when an input is missing), and how it was made.</summary>
/// <param name="Inputs">How many observations fed the bucket.</param>
/// <param name="Coverage">The share of those inputs that carried a value (0..1).</param>
/// <param name="Reason">Why <paramref name="Value"/> is null, e.g. <c>missing_apparent_temperature</c>.</param>
/// <param name="Lineage">The raw blobs the inputs were curated from, for drill-down.</param>
public sealed record KpiPoint(
    DateTimeOffset BucketStartUtc,
    double? Value,
    int Inputs,
    double Coverage,
    string? Reason,
    IReadOnlyList<string> Lineage);
