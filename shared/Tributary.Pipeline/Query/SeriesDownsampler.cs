namespace Tributary.Query;

/// <summary>
/// Cuts one KPI series down to at most <c>maxPoints</c> points for a chart, without inventing or silently losing a
/// missing value. When the series fits, it is returned whole (method <c>none</c>). Otherwise (method <c>lttb</c>):
/// <list type="bullet">
/// <item>each run of consecutive null buckets is kept as one gap marker, its first point (with its reason), so a
/// chart still draws the gap; gap markers take at most half of the points, the longest runs first;</item>
/// <item>the non-null points get the rest of the budget (at least 2) through <see cref="Lttb"/>, over bucket start
/// (seconds) and value, so the first and last non-null points are kept.</item>
/// </list>
/// Every point returned is a stored bucket as it is (inputs, used, coverage, reason), never an average; the result
/// says how many raw and null points there were and how many of each were returned.
/// </summary>
public static class SeriesDownsampler
{
    public const string None = "none";
    public const string LttbMethod = "lttb";

    public static DownsampledSeries Downsample(IReadOnlyList<KpiSeriesPoint> raw, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        var rawNulls = raw.Count(p => p.Value is null);
        if (raw.Count <= maxPoints) return new DownsampledSeries(raw, None, raw.Count, rawNulls, rawNulls);

        var values = new List<int>();
        var runs = new List<(int First, int Length)>();
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i].Value is not null)
            {
                values.Add(i);
            }
            else if (i > 0 && raw[i - 1].Value is null)
            {
                runs[^1] = (runs[^1].First, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((i, 1));
            }
        }

        var valueBudget = Math.Min(values.Count, Math.Max(2, maxPoints - Math.Min(runs.Count, maxPoints / 2)));
        var gapBudget = Math.Min(runs.Count, maxPoints - valueBudget);
        var keptValues = values.Count <= valueBudget
            ? values
            : [.. Lttb.Select(
                [.. values.Select(i => (double)raw[i].T.ToUnixTimeSeconds())],
                [.. values.Select(i => raw[i].Value!.Value)],
                valueBudget).Select(k => values[k])];
        var keptGaps = runs.OrderByDescending(r => r.Length).ThenBy(r => r.First).Take(gapBudget).Select(r => r.First);
        var kept = keptValues.Concat(keptGaps).Order().Select(i => raw[i]).ToList();
        return new DownsampledSeries(kept, LttbMethod, raw.Count, rawNulls, kept.Count(p => p.Value is null));
    }
}

/// <param name="Method"><c>none</c> (every raw point) or <c>lttb</c>.</param>
/// <param name="RawPoints">Buckets stored in the range.</param>
/// <param name="RawNulls">Of those, buckets with a null value (a missing input).</param>
/// <param name="ReturnedNulls">Null points returned: one per run of consecutive nulls kept, when downsampled.</param>
public sealed record DownsampledSeries(IReadOnlyList<KpiSeriesPoint> Points, string Method, int RawPoints, int RawNulls, int ReturnedNulls);
