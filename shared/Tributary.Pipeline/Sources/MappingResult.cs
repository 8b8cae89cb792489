using Tributary.Curation;

namespace Tributary.Sources;

public sealed record MappingResult(IReadOnlyList<Observation> Observations, IReadOnlyList<RejectedRecord> Rejected);
