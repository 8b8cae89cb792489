namespace Tributary.Quality;

public enum DriftKind
{
    /// <summary>A field the mapper does not know appeared.</summary>
    Added,

    /// <summary>A field the mapper reads is absent.</summary>
    Missing,

    /// <summary>A field the mapper reads has another JSON kind than it expects.</summary>
    TypeChanged,
}

/// <summary>One change of a page's shape against its mapper's schema.</summary>
/// <param name="Expected">The kinds the mapper expects (empty for an added field).</param>
/// <param name="Actual">The kinds the page has (empty for a missing field).</param>
public sealed record DriftChange(string Field, DriftKind Kind, string Expected, string Actual);
