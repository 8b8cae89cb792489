namespace Tributary.HostBench;

/// <summary>Order statistics of a sample, in milliseconds.</summary>
public sealed record Stats(int Count, double Median, double P95, double Min, double Max)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Stats(sorted.Length, At(0.5), At(0.95), sorted[0], sorted[^1]);
    }

    public override string ToString() => $"median {Median,8:F1}  p95 {P95,8:F1}  min {Min,8:F1}  max {Max,8:F1}  (n={Count})";
}
