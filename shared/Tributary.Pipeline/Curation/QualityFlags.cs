namespace Tributary.Curation;

/// <summary>Quality flags of an observation (data-sources.md section 7); stored as an integer bit set.</summary>
[Flags]
public enum QualityFlags
{
    None = 0,
    Missing = 1,
    ScheduledOnly = 2,
    PredictionInaccurate = 4,
    Cancelled = 8,
    LowCoverage = 16,
    SourceFlagged = 32,
    UnitConverted = 64,
    Interpolated = 128,
    OutOfRange = 256,
    Stale = 512,
}
