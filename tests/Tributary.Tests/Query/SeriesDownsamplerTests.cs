using Tributary.Query;

namespace Tributary.Tests.Query;

public sealed class SeriesDownsamplerTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<KpiSeriesPoint> Series(int n, Func<int, double?> value) =>
        [.. Enumerable.Range(0, n).Select(i => value(i) is { } v
            ? new KpiSeriesPoint(Start.AddHours(i), v, 3, 0.9, null) { Used = 2 }
            : new KpiSeriesPoint(Start.AddHours(i), null, 1, 0, "missing_pm25"))];

    [Fact]
    public void A_series_that_fits_is_returned_whole_with_its_nulls()
    {
        var raw = Series(10, i => i % 4 == 1 ? null : i);
        var result = SeriesDownsampler.Downsample(raw, 10);
        Assert.Equal("none", result.Method);
        Assert.Equal(raw, result.Points);
        Assert.Equal((10, 3, 3), (result.RawPoints, result.RawNulls, result.ReturnedNulls));
    }

    [Fact]
    public void Downsampled_points_are_stored_buckets_with_one_gap_marker_per_null_run()
    {
        // 72 hours, nulls at 3, 13, ..., 63 and at 30..32: runs [3], [13], [23], [30..33], [43], [53], [63], 10 nulls.
        var raw = Series(72, i => i % 10 == 3 || i is 30 or 31 or 32 ? null : Math.Sin(i / 5.0));
        var result = SeriesDownsampler.Downsample(raw, 20);

        Assert.Equal("lttb", result.Method);
        Assert.Equal(72, result.RawPoints);
        Assert.Equal(10, result.RawNulls);
        // 7 runs, fewer than half the budget: every run keeps its first bucket; LTTB picks 13 of the 62 values.
        Assert.Equal(20, result.Points.Count);
        Assert.Equal(7, result.ReturnedNulls);
        Assert.Equal([3, 13, 23, 30, 43, 53, 63], result.Points.Where(p => p.Value is null).Select(p => (int)(p.T - Start).TotalHours));
        Assert.All(result.Points, p => Assert.Contains(p, raw));
        Assert.Equal(raw[0], result.Points[0]);
        Assert.Equal(raw[^1], result.Points[^1]);
        Assert.True(result.Points.Zip(result.Points.Skip(1)).All(p => p.First.T < p.Second.T));
        Assert.All(result.Points.Where(p => p.Value is null), p => Assert.Equal("missing_pm25", p.Reason));
    }

    [Fact]
    public void Null_runs_beyond_half_the_budget_keep_the_longest_and_never_exceed_max_points()
    {
        // 40 alternating buckets: 20 null runs of one, then a run of five nulls at 40..44, then 15 values.
        var raw = Series(60, i => i < 40 ? (i % 2 == 0 ? null : i) : i < 45 ? null : i);
        var result = SeriesDownsampler.Downsample(raw, 10);

        Assert.Equal(10, result.Points.Count);
        Assert.Equal(5, result.ReturnedNulls);
        Assert.Contains(raw[40], result.Points); // the longest run first
        Assert.Equal(raw.First(p => p.Value is not null), result.Points.First(p => p.Value is not null));
        Assert.Equal(raw[^1], result.Points[^1]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Tiny_budgets_hold(int maxPoints)
    {
        var raw = Series(50, i => i % 3 == 0 ? null : i * 1.5);
        var result = SeriesDownsampler.Downsample(raw, maxPoints);
        Assert.True(result.Points.Count <= maxPoints);
        Assert.True(result.Points.Count(p => p.Value is not null) >= 2);
    }

    [Fact]
    public void Only_nulls_are_cut_to_the_budget_and_counted()
    {
        var raw = Series(30, _ => null);
        var result = SeriesDownsampler.Downsample(raw, 5);
        // One run: one gap marker stands for all thirty.
        Assert.Equal([raw[0]], result.Points);
        Assert.Equal((30, 30, 1), (result.RawPoints, result.RawNulls, result.ReturnedNulls));
    }
}
