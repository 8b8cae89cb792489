namespace Tributary.Query.QualityReport;

/// <summary>
/// How a source's score moves over a range: the least-squares slope of the daily score per day (days without a score
/// left out; null with fewer than two), and the mean score of the range's last 7 days against the 7 before them.
/// </summary>
public sealed record QualityTrend(int ScoredDays, double? SlopePerDay, double? Last7Mean, double? Previous7Mean, double? Change7)
{
    public static QualityTrend Of(DateOnly to, IReadOnlyList<(DateOnly Day, double Score)> scores)
    {
        double? slope = null;
        if (scores.Count >= 2)
        {
            var xs = scores.Select(s => (double)s.Day.DayNumber).ToList();
            var (mx, my) = (xs.Average(), scores.Average(s => s.Score));
            var sxx = xs.Sum(x => (x - mx) * (x - mx));
            slope = sxx == 0 ? null : Round(xs.Zip(scores).Sum(p => (p.First - mx) * (p.Second.Score - my)) / sxx);
        }
        var last = Mean(scores, to.AddDays(-6), to);
        var previous = Mean(scores, to.AddDays(-13), to.AddDays(-7));
        return new QualityTrend(scores.Count, slope, last, previous, last is { } l && previous is { } p ? Round(l - p) : null);
    }

    private static double? Mean(IReadOnlyList<(DateOnly Day, double Score)> scores, DateOnly from, DateOnly to)
    {
        var inRange = scores.Where(s => s.Day >= from && s.Day <= to).Select(s => s.Score).ToList();
        return inRange.Count == 0 ? null : Round(inRange.Average());
    }

    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
