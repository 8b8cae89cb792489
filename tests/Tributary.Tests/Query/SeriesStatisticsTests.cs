using Tributary.Marts;
using Tributary.Query;

namespace Tributary.Tests.Query;

public sealed class SeriesStatisticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static KpiSeriesPoint Point(int hour, double? value, double coverage) =>
        new(Start.AddHours(hour), value, 1, coverage, value is null ? "missing_apparent_temperature" : null);

    [Fact]
    public void Hand_computed_statistics()
    {
        // Values 4, 1, 10, 3, 2 and one null; sorted 1 2 3 4 10.
        //   mean 20 / 5 = 4; median x[2] = 3; p95: h = 4 * 0.95 = 3.8 -> 4 + 0.8 * (10 - 4) = 8.8.
        //   sample SD: deviations -3 -2 -1 0 6, squares 9 4 1 0 36 = 50, / (5 - 1) = 12.5, sqrt = 3.5355339.
        //   coverage (1 + 0.5 + 1 + 1 + 0.5 + 0) / 6 = 0.6667; 5 of 6 stored buckets valued; 5 of the range's 10.
        KpiSeriesPoint[] points = [Point(0, 4, 1), Point(1, 1, 0.5), Point(2, 10, 1), Point(3, null, 0), Point(4, 3, 1), Point(5, 2, 0.5)];
        var stats = SeriesStatistics.Compute(points, bucketsInRange: 10);

        Assert.Equal((6, 5, 1), (stats.Count, stats.Values, stats.Nulls));
        Assert.Equal(1, stats.Min);
        Assert.Equal(10, stats.Max);
        Assert.Equal(4, stats.Mean);
        Assert.Equal(3, stats.Median);
        Assert.Equal(8.8, stats.P95!.Value, 10);
        Assert.Equal(3.5355339, stats.StandardDeviation!.Value, 7);
        Assert.Equal(4.0 / 6, stats.MeanCoverage!.Value, 10);
        Assert.Equal(5.0 / 6, stats.ValueShare!.Value, 10);
        Assert.Equal(10, stats.BucketsInRange);
        Assert.Equal(0.5, stats.RangeValueShare);
    }

    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        double[] sorted = [10, 20, 30, 40];
        Assert.Equal(25, SeriesStatistics.Percentile(sorted, 0.5));   // h = 1.5
        Assert.Equal(38.5, SeriesStatistics.Percentile(sorted, 0.95)!.Value, 10); // h = 2.85 -> 30 + 0.85 * 10
        Assert.Equal(10, SeriesStatistics.Percentile(sorted, 0));
        Assert.Equal(40, SeriesStatistics.Percentile(sorted, 1));
        Assert.Equal(7, SeriesStatistics.Percentile([7], 0.95));
        Assert.Null(SeriesStatistics.Percentile([], 0.5));
    }

    [Fact]
    public void Empty_and_single_value_series_have_no_made_up_figures()
    {
        var empty = SeriesStatistics.Compute([], 24);
        Assert.Equal((0, 0, 0), (empty.Count, empty.Values, empty.Nulls));
        Assert.Null(empty.Mean);
        Assert.Null(empty.Median);
        Assert.Null(empty.StandardDeviation);
        Assert.Null(empty.MeanCoverage);
        Assert.Equal(0, empty.RangeValueShare);

        var onlyNulls = SeriesStatistics.Compute([Point(0, null, 0), Point(1, null, 0.25)], 2);
        Assert.Equal((2, 0, 2), (onlyNulls.Count, onlyNulls.Values, onlyNulls.Nulls));
        Assert.Null(onlyNulls.Min);
        Assert.Equal(0.125, onlyNulls.MeanCoverage);

        var one = SeriesStatistics.Compute([Point(0, 0.84, 1)], 1);
        Assert.Equal(0.84, one.Median);
        Assert.Equal(0.84, one.P95);
        Assert.Null(one.StandardDeviation);
    }

    [Theory]
    [InlineData("2026-10-01T00:00:00Z", "2026-10-01T06:00:00Z", KpiGrain.Hour, 6)]
    [InlineData("2026-10-01T00:30:00Z", "2026-10-01T03:00:00Z", KpiGrain.Hour, 2)]
    [InlineData("2026-10-01T00:30:00Z", "2026-10-01T03:10:00Z", KpiGrain.Hour, 3)]
    [InlineData("2026-10-01T00:00:00Z", "2026-10-04T00:00:00Z", KpiGrain.Day, 3)]
    [InlineData("2026-10-01T12:00:00Z", "2026-10-02T00:00:00Z", KpiGrain.Day, 0)]
    public void Buckets_in_a_range_are_those_starting_in_it(string from, string to, KpiGrain grain, int expected) =>
        Assert.Equal(expected, KpiReadService.BucketsIn(grain, DateTimeOffset.Parse(from), DateTimeOffset.Parse(to)));
}
