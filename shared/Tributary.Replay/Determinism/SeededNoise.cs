namespace Tributary.Replay.Determinism;

/// <summary>
/// Deterministic pseudo-random numbers addressed by coordinates instead of drawn from a sequence:
/// the same (seed, stream, key, position) always yields the same value, whatever was asked before.
/// That is what lets overlapping windows requested at different times agree.
/// </summary>
internal static class SeededNoise
{
    /// <summary>A well-mixed 64-bit hash of the coordinates (SplitMix64 finaliser per component).</summary>
    public static ulong Hash(int seed, long stream, long key, long position)
    {
        var h = Mix(unchecked((ulong)(uint)seed));
        h = Mix(h ^ unchecked((ulong)stream));
        h = Mix(h ^ unchecked((ulong)key));
        return Mix(h ^ unchecked((ulong)position));
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-1, 1).</summary>
    public static double Signed(ulong hash) => (Unit(hash) * 2.0) - 1.0;

    /// <summary>
    /// Smooth 1-D value noise: one random knot per integer <paramref name="t"/>, joined by a Catmull-Rom spline,
    /// so the curve and its slope are continuous. Roughly within [-1, 1] (the spline may overshoot slightly).
    /// </summary>
    public static double Smooth(int seed, long stream, long key, double t)
    {
        var knot = (long)Math.Floor(t);
        var f = t - knot;
        var p0 = Signed(Hash(seed, stream, key, knot - 1));
        var p1 = Signed(Hash(seed, stream, key, knot));
        var p2 = Signed(Hash(seed, stream, key, knot + 1));
        var p3 = Signed(Hash(seed, stream, key, knot + 2));
        return 0.5 * ((2 * p1)
            + ((-p0 + p2) * f)
            + (((2 * p0) - (5 * p1) + (4 * p2) - p3) * f * f)
            + ((-p0 + (3 * p1) - (3 * p2) + p3) * f * f * f));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
