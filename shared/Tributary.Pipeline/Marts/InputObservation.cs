using Tributary.Curation;

namespace Tributary.Marts;

/// <summary>What a KPI formula sees of a stored observation, plus where it came from (for the KPI row's lineage).</summary>
/// <param name="StopPlace">
/// For stop-located metrics, the stop place of the quay (see <see cref="DimensionStore.StopPlacesAsync"/>). The
/// aggregate stage resolves it for the quays that appeared on a departure board that day; it is null for other
/// quays (a national timetable has tens of thousands) and for city-wide metrics.
/// </param>
public sealed record InputObservation(
    DateTimeOffset TimestampUtc,
    double? Value,
    QualityFlags Flags,
    string LocationId,
    string? StopPlace,
    string RawBlob = "",
    string RawSha256 = "")
{
    public static InputObservation From(ObservationEntity row, string? stopPlace) =>
        new(row.TimestampUtc, row.Value, row.QualityFlags, row.LocationId, stopPlace, row.RawBlob, row.RawSha256);
}
