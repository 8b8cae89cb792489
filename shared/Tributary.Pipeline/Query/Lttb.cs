namespace Tributary.Query;

/// <summary>
/// Largest-Triangle-Three-Buckets (Steinarsson, 2013): picks at most <c>threshold</c> of a series' points so that its
/// line looks like the whole one. The first and last points are always kept; the points between are split into
/// <c>threshold - 2</c> buckets of (nearly) equal count, and from each bucket the point is kept that makes the largest
/// triangle with the point kept from the bucket before and the mean of the bucket after. Pure; needs x in ascending
/// order and no missing y (downsample the non-null values, see <see cref="SeriesDownsampler"/>).
/// </summary>
public static class Lttb
{
    /// <returns>The indices of the kept points, ascending; all of them when there are no more than <paramref name="threshold"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is below 2, or the lists differ in length.</exception>
    public static IReadOnlyList<int> Select(IReadOnlyList<double> x, IReadOnlyList<double> y, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        if (x.Count != y.Count) throw new ArgumentOutOfRangeException(nameof(y), "x and y must have the same number of points.");
        var n = x.Count;
        if (n <= threshold) return [.. Enumerable.Range(0, n)];

        var kept = new List<int>(threshold) { 0 };
        // The n - 2 inner points fall into threshold - 2 buckets; bucket i holds [Start(i), Start(i + 1)).
        var every = (double)(n - 2) / (threshold - 2);
        int Start(int bucket) => 1 + (int)Math.Floor(bucket * every);
        var previous = 0;
        for (var bucket = 0; bucket < threshold - 2; bucket++)
        {
            var (from, to) = (Start(bucket), Start(bucket + 1));
            // The point after: the mean of the next bucket, or the last point for the last bucket.
            double nextX, nextY;
            if (bucket == threshold - 3)
            {
                (nextX, nextY) = (x[n - 1], y[n - 1]);
            }
            else
            {
                var (nextFrom, nextTo) = (to, Start(bucket + 2));
                (nextX, nextY) = (0, 0);
                for (var j = nextFrom; j < nextTo; j++)
                {
                    nextX += x[j];
                    nextY += y[j];
                }
                nextX /= nextTo - nextFrom;
                nextY /= nextTo - nextFrom;
            }
            var best = from;
            var bestArea = -1.0;
            for (var j = from; j < to; j++)
            {
                // Twice the triangle's area; the factor does not change which point is largest.
                var area = Math.Abs(((x[previous] - nextX) * (y[j] - y[previous])) - ((x[previous] - x[j]) * (nextY - y[previous])));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = j;
                }
            }
            kept.Add(best);
            previous = best;
        }
        kept.Add(n - 1);
        return kept;
    }
}
