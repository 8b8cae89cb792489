namespace Tributary.Quality;

/// <summary>The scoring rules, in one place so the numbers a reader sees can be traced to them.</summary>
public static class QualityRules
{
    /// <summary>A newest record this old at landing still counts as fully timely.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromHours(2);

    /// <summary>At this age timeliness has fallen linearly to zero.</summary>
    public static readonly TimeSpan StaleAt = TimeSpan.FromHours(24);

    /// <summary>Fewer values of a metric than this in a page are not judged for outliers.</summary>
    public const int MinimumForOutliers = 8;

    /// <summary>Tukey's fences: below Q1 - k·IQR or above Q3 + k·IQR is an outlier.</summary>
    public const double FenceFactor = 1.5;

    /// <summary>How many days back the volume norm looks.</summary>
    public const int NormDays = 7;

    public static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    public static double? Timeliness(long? ageSeconds)
    {
        if (ageSeconds is not { } age) return null;
        var fresh = FreshFor.TotalSeconds;
        if (age <= fresh) return 1;
        return Math.Round(Math.Max(0, 1 - (age - fresh) / (StaleAt.TotalSeconds - fresh)), 4);
    }

    /// <summary>1 at the norm, falling symmetrically for too few or too many (half or double the norm scores 0.5).</summary>
    public static double? Volume(double observations, double? norm) =>
        norm is not > 0 ? null : observations <= 0 ? 0 : Math.Round(Math.Min(observations / norm.Value, norm.Value / observations), 4);

    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
