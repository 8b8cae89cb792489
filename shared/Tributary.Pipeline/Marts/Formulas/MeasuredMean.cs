namespace Tributary.Marts.Formulas;

/// <summary>The mean of the observations that carry a value, and how many did (Missing ones carry none).</summary>
public sealed record MeasuredMean(double? Mean, int Used, int All)
{
    public double Coverage => All == 0 ? 0 : (double)Used / All;

    public static MeasuredMean Of(IReadOnlyList<InputObservation> observations)
    {
        var values = observations.Where(o => o.Value is not null).Select(o => o.Value!.Value).ToList();
        return new MeasuredMean(values.Count == 0 ? null : values.Average(), values.Count, observations.Count);
    }
}
