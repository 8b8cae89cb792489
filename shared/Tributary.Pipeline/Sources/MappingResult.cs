using Tributary.Curation;

namespace Tributary.Sources;

/// <param name="Dimensions">Reference rows the page carries (e.g. GTFS stops); empty for most sources.</param>
public sealed record MappingResult(IReadOnlyList<Observation> Observations, IReadOnlyList<RejectedRecord> Rejected)
{
    public IReadOnlyList<DimensionRecord> Dimensions { get; init; } = [];
}
