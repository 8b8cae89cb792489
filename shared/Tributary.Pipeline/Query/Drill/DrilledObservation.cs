using Tributary.Curation;

namespace Tributary.Query.Drill;

/// <summary>One observation that fed a KPI bucket, with the raw page (name and SHA-256) it was curated from.</summary>
/// <param name="StopPlace">The stop place the aggregate stage resolved for a quay (stop-located metrics), else null.</param>
/// <param name="Flags">The observation's quality flags by name (empty when none).</param>
public sealed record DrilledObservation(
    string Metric,
    string Source,
    string LocationId,
    string? StopPlace,
    DateTimeOffset TimestampUtc,
    int PeriodSeconds,
    double? Value,
    string Unit,
    IReadOnlyList<string> Flags,
    string SourceRecordKey,
    string RunId,
    string RawBlob,
    string RawSha256)
{
    public static DrilledObservation From(ObservationEntity row, string? stopPlace) => new(
        row.Metric, row.Source, row.LocationId, stopPlace, row.TimestampUtc, row.PeriodSeconds, row.Value, row.Unit,
        [.. Enum.GetValues<QualityFlags>().Where(f => f != QualityFlags.None && row.QualityFlags.HasFlag(f)).Select(f => f.ToString())],
        row.SourceRecordKey, row.RunId, row.RawBlob, row.RawSha256);
}
