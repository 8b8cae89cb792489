using Tributary.Query;

namespace Tributary.Tests.Query;

public sealed class LttbTests
{
    [Fact]
    public void Hand_checked_series_keeps_the_points_of_the_largest_triangles()
    {
        // n = 7, threshold 4: the 5 inner points fall into 2 buckets of 2.5 points: [1, 3) and [3, 6).
        //   bucket 0, after point 0 (0, 0), before the mean of bucket 1, (4, 13/3):
        //     twice the area of j = |(0 - 4)(y_j - 0) - (0 - x_j)(13/3 - 0)|: j=1 -> |-4 + 4.33| = 0.33, j=2 -> |-40 + 8.67| = 31.33: keep 2.
        //   bucket 1, after point 2 (2, 10), before the last point (6, 4):
        //     |(2 - 6)(y_j - 10) - (2 - x_j)(4 - 10)|: j=3 -> |32 - 6| = 26, j=4 -> |28 - 12| = 16, j=5 -> |8 - 18| = 10: keep 3.
        double[] x = [0, 1, 2, 3, 4, 5, 6];
        double[] y = [0, 1, 10, 2, 3, 8, 4];

        Assert.Equal([0, 2, 3, 6], Lttb.Select(x, y, 4));
    }

    [Fact]
    public void Threshold_two_keeps_first_and_last_and_a_short_series_is_kept_whole()
    {
        double[] x = [0, 1, 2, 3, 4];
        double[] y = [5, 1, 9, 2, 7];
        Assert.Equal([0, 4], Lttb.Select(x, y, 2));
        Assert.Equal([0, 1, 2, 3, 4], Lttb.Select(x, y, 5));
        Assert.Equal([0, 1, 2, 3, 4], Lttb.Select(x, y, 50));
        Assert.Empty(Lttb.Select([], [], 3));
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(100, 7)]
    [InlineData(101, 100)]
    [InlineData(1000, 20)]
    [InlineData(8760, 1000)]
    public void Never_more_than_the_threshold_first_and_last_kept_in_order(int n, int threshold)
    {
        var random = new Random(n * 31 + threshold);
        var x = Enumerable.Range(0, n).Select(i => i * 3600.0).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 100 - 50).ToArray();

        var kept = Lttb.Select(x, y, threshold);

        Assert.Equal(threshold, kept.Count);
        Assert.Equal(0, kept[0]);
        Assert.Equal(n - 1, kept[^1]);
        Assert.True(kept.Zip(kept.Skip(1)).All(p => p.First < p.Second), "indices ascend without repeats");
    }

    [Fact]
    public void A_spike_survives_downsampling()
    {
        var x = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        var y = x.Select(i => i == 123 ? 1000.0 : 1.0).ToArray();
        Assert.Contains(123, Lttb.Select(x, y, 10));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lttb.Select([0, 1, 2], [0, 1, 2], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lttb.Select([0, 1, 2], [0, 1], 2));
    }
}
