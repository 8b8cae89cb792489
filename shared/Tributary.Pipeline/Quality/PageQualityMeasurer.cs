using Tributary.Curation;

namespace Tributary.Quality;

/// <summary>
/// Measures one mapped page: completeness (present versus expected values), uniqueness (repeated keys), consistency
/// (units as declared for the metric), validity (range flags and IQR outliers per metric), timeliness (age of the
/// newest record at landing) and volume against the recent norm.
/// </summary>
public static class PageQualityMeasurer
{
    /// <param name="canonicalUnits">The unit each metric is stored in; metrics not listed are not judged for consistency.</param>
    /// <param name="volumeNorm">The median observation count of this page's recent predecessors, if any.</param>
    public static QualityFigures Measure(IReadOnlyList<Observation> observations, int rejected, DateTimeOffset landedUtc,
        IReadOnlyDictionary<string, string> canonicalUnits, double? volumeNorm)
    {
        var present = observations.Count(o => o.Value is not null);
        var duplicates = observations.Count - observations.Select(o => (o.Metric, o.LocationId, o.TimestampUtc, o.EventId)).Distinct().Count();
        var judged = observations.Where(o => canonicalUnits.ContainsKey(o.Metric)).ToList();
        var mismatches = judged.Count(o => o.Unit != canonicalUnits[o.Metric]);
        var outliers = OutlierKeys(observations);
        var invalid = observations.Count(o => o.Value is not null && (o.Flags.HasFlag(QualityFlags.OutOfRange) || outliers.Contains(o)));
        var newest = observations.Where(o => o.TimestampUtc <= landedUtc).Select(o => (DateTimeOffset?)o.TimestampUtc).Max();
        long? age = newest is { } n ? (long)(landedUtc - n).TotalSeconds : null;
        var expected = observations.Count + rejected;
        return new QualityFigures(observations.Count, expected, present, rejected, duplicates, judged.Count, mismatches, invalid, outliers.Count, newest, age, volumeNorm,
            QualityRules.Ratio(present, expected),
            QualityRules.Ratio(observations.Count - duplicates, observations.Count),
            QualityRules.Ratio(judged.Count - mismatches, judged.Count),
            QualityRules.Ratio(present - invalid, present),
            QualityRules.Timeliness(age),
            QualityRules.Volume(observations.Count, volumeNorm));
    }

    /// <summary>Valued observations outside Tukey's fences of their metric in this page.</summary>
    private static HashSet<Observation> OutlierKeys(IReadOnlyList<Observation> observations)
    {
        var outliers = new HashSet<Observation>(ReferenceEqualityComparer.Instance);
        foreach (var metric in observations.Where(o => o.Value is not null).GroupBy(o => o.Metric))
        {
            var values = metric.Select(o => o.Value!.Value).Order().ToArray();
            if (values.Length < QualityRules.MinimumForOutliers) continue;
            var (q1, q3) = (Quantile(values, 0.25), Quantile(values, 0.75));
            var fence = QualityRules.FenceFactor * (q3 - q1);
            foreach (var o in metric.Where(o => o.Value < q1 - fence || o.Value > q3 + fence)) outliers.Add(o);
        }
        return outliers;
    }

    /// <summary>Linear interpolation between closest ranks (type 7, the default of R and NumPy).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        return lo + 1 < sorted.Length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }
}
