namespace Tributary.Curation;

/// <summary>
/// One canonical measurement: UTC time, SI value with its UCUM unit, quality flags and the lineage back to the
/// raw payload it came from. Mappers convert time zones and units before building one of these.
/// </summary>
/// <param name="TimestampUtc">The instant, or the START of the period for aggregates; always offset zero.</param>
/// <param name="PeriodSeconds">0 for an instantaneous value, 3600 for an hourly aggregate.</param>
/// <param name="Value">In <paramref name="Unit"/>; null only together with <see cref="QualityFlags.Missing"/> or <see cref="QualityFlags.Cancelled"/>.</param>
public sealed record Observation(
    string Source,
    string Metric,
    string LocationId,
    string CityId,
    double? Latitude,
    double? Longitude,
    DateTimeOffset TimestampUtc,
    int PeriodSeconds,
    double? Value,
    string Unit,
    QualityFlags Flags,
    string SourceRecordKey)
{
    /// <summary>
    /// Tells apart several events of one location at one time, e.g. two trips leaving one quay in the same minute
    /// (<c>{serviceJourney}|{serviceDate}</c>); part of the row key. Null for series with one value per time.
    /// </summary>
    public string? EventId { get; init; }
}
