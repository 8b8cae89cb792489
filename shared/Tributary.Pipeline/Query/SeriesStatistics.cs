namespace Tributary.Query;

/// <summary>
/// Summary statistics of raw (never downsampled) KPI buckets. Pure.
/// <list type="bullet">
/// <item>Percentiles (median, p95) interpolate linearly between the closest ranks: for sorted values x[0..n-1] and
/// p in [0, 1], h = (n - 1) p and the value is x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]) (Hyndman and Fan type 7, as
/// Excel's PERCENTILE.INC and NumPy's default).</item>
/// <item>The standard deviation is the <em>sample</em> one (n - 1 in the denominator; null below two values): the
/// buckets are a sample of the process the KPI measures.</item>
/// <item>Coverage: the mean of the buckets' coverage (null buckets included: their coverage says how much of their
/// input was usable), the share of stored buckets that have a value, and the share of the range's buckets that do.</item>
/// </list>
/// </summary>
public static class SeriesStatistics
{
    public const string PercentileMethod = "linear interpolation between closest ranks (Hyndman-Fan type 7)";
    public const string DeviationMethod = "sample (n - 1)";

    /// <param name="bucketsInRange">How many buckets of the grain start in the asked range (stored or not).</param>
    public static KpiStatistics Compute(IReadOnlyList<KpiSeriesPoint> points, int bucketsInRange)
    {
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).Order().ToArray();
        var n = values.Length;
        double? mean = n == 0 ? null : values.Average();
        double? deviation = n < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean!.Value) * (v - mean.Value)) / (n - 1));
        return new KpiStatistics(
            Count: points.Count,
            Values: n,
            Nulls: points.Count - n,
            Min: n == 0 ? null : values[0],
            Max: n == 0 ? null : values[^1],
            Mean: mean,
            Median: Percentile(values, 0.5),
            P95: Percentile(values, 0.95),
            StandardDeviation: deviation,
            MeanCoverage: points.Count == 0 ? null : points.Average(p => p.Coverage),
            ValueShare: points.Count == 0 ? null : (double)n / points.Count,
            BucketsInRange: bucketsInRange,
            RangeValueShare: bucketsInRange == 0 ? null : (double)n / bucketsInRange);
    }

    /// <summary>Type-7 percentile of ascending <paramref name="sorted"/>; null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (sorted.Count == 0) return null;
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        return low + 1 >= sorted.Count ? sorted[^1] : sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
    }
}

/// <summary>Statistics of one series, or of all series pooled.</summary>
/// <param name="Count">Stored buckets in the range.</param>
/// <param name="Values">Buckets with a value.</param>
/// <param name="Nulls">Buckets whose value is null (a missing input).</param>
/// <param name="StandardDeviation">Sample standard deviation; null below two values.</param>
/// <param name="MeanCoverage">Mean of the buckets' coverage (0..1).</param>
/// <param name="ValueShare">Values / Count: the share of stored buckets that have a value.</param>
/// <param name="BucketsInRange">Buckets of the grain that start in [from, to), stored or not.</param>
/// <param name="RangeValueShare">Values / BucketsInRange: the share of the range that has a value.</param>
public sealed record KpiStatistics(
    int Count, int Values, int Nulls, double? Min, double? Max, double? Mean, double? Median, double? P95, double? StandardDeviation,
    double? MeanCoverage, double? ValueShare, int BucketsInRange, double? RangeValueShare);
