namespace Tributary.Replay.Hosting;

/// <summary>Settings shared by every vendor, bound from the <c>Replay</c> configuration section.</summary>
internal sealed class ReplayOptions
{
    public const string SectionName = "Replay";

    public const int DefaultSeed = 20251115;

    /// <summary>Seed of every generated value. Same seed, same responses.</summary>
    public int Seed { get; set; } = DefaultSeed;
}
