namespace Tributary.Replay.Determinism;

/// <summary>FNV-1a over the UTF-16 code units: a string key for <see cref="SeededNoise"/> that, unlike <see cref="string.GetHashCode()"/>, is the same in every process.</summary>
internal static class StableHash
{
    public static long Of(string text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var unit in text) hash = (hash ^ unit) * 1099511628211UL;
            return (long)hash;
        }
    }
}
