namespace Tributary.Quality;

/// <summary>
/// The data-quality figures of a landed page or of a source's UTC day: the counts they come from and a score in
/// [0, 1] per dimension (null when there was nothing to judge), with <see cref="Score"/> the mean of those present.
/// </summary>
/// <param name="Expected">Values the page should have given: every observation plus every rejected record.</param>
/// <param name="Present">Observations with a value (not Missing, not Cancelled).</param>
/// <param name="Duplicates">Observations repeating another's key (metric, location, time, event) in the same page.</param>
/// <param name="Judged">Observations of metrics whose canonical unit is known, the base of consistency.</param>
/// <param name="UnitMismatches">Observations whose unit is not their metric's canonical unit.</param>
/// <param name="Invalid">Valued observations out of their plausible range or outside the IQR fences of their metric.</param>
/// <param name="NewestUtc">The newest observation at or before landing.</param>
/// <param name="AgeSeconds">Landing time minus <paramref name="NewestUtc"/>: how stale the newest record already was.</param>
/// <param name="VolumeNorm">The recent norm the observation count is compared with (median of the recent pages or days).</param>
public sealed record QualityFigures(
    int Observations,
    int Expected,
    int Present,
    int Rejected,
    int Duplicates,
    int Judged,
    int UnitMismatches,
    int Invalid,
    int Outliers,
    DateTimeOffset? NewestUtc,
    long? AgeSeconds,
    double? VolumeNorm,
    double? Completeness,
    double? Uniqueness,
    double? Consistency,
    double? Validity,
    double? Timeliness,
    double? Volume)
{
    public double? Score => new[] { Completeness, Uniqueness, Consistency, Validity, Timeliness, Volume } is var parts && parts.Any(p => p is not null)
        ? Math.Round(parts.Where(p => p is not null).Average(p => p!.Value), 4)
        : null;
}
