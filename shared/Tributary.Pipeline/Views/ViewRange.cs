namespace Tributary.Views;

/// <summary>Either an absolute UTC range [From, To) or a relative <see cref="Preset"/> such as <c>last-7d</c>, never both.</summary>
public sealed record ViewRange(DateTimeOffset? From, DateTimeOffset? To, string? Preset)
{
    /// <summary>The relative ranges a view may keep, each ending now (the dashboard works them out when it opens the view).</summary>
    public static readonly IReadOnlyList<string> Presets = ["last-24h", "last-48h", "last-7d", "last-14d", "last-31d"];
}
