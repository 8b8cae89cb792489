using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>
/// A row of table <c>observations</c> (keys: <see cref="ObservationKeys"/>): one canonical observation and the
/// run and raw page (name and SHA-256) it was curated from.
/// </summary>
public sealed record ObservationEntity : StoredEntity
{
    public string Source { get; set; } = "";
    public string Metric { get; set; } = "";
    public string LocationId { get; set; } = "";
    public string City { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset TimestampUtc { get; set; }
    public int PeriodSeconds { get; set; }
    public double? Value { get; set; }
    public string Unit { get; set; } = "";

    /// <summary>The <see cref="QualityFlags"/> as their integer bit set.</summary>
    public int Flags { get; set; }

    public string SourceRecordKey { get; set; } = "";
    public string RunId { get; set; } = "";
    public string RawBlob { get; set; } = "";
    public string RawSha256 { get; set; } = "";

    public QualityFlags QualityFlags => (QualityFlags)Flags;

    public static ObservationEntity From(Observation o, ObservationLineage lineage) => new()
    {
        PartitionKey = ObservationKeys.Partition(o),
        RowKey = ObservationKeys.Row(o),
        Source = o.Source,
        Metric = o.Metric,
        LocationId = o.LocationId,
        City = o.CityId,
        Latitude = o.Latitude,
        Longitude = o.Longitude,
        TimestampUtc = o.TimestampUtc,
        PeriodSeconds = o.PeriodSeconds,
        Value = o.Value,
        Unit = o.Unit,
        Flags = (int)o.Flags,
        SourceRecordKey = o.SourceRecordKey,
        RunId = lineage.RunId,
        RawBlob = lineage.RawBlob,
        RawSha256 = lineage.RawSha256,
    };

    /// <summary>
    /// Whether this (incoming) row should replace <paramref name="stored"/>: a different measurement from a later
    /// run replaces it; the same measurement from an earlier run moves the lineage back to the run that reported it
    /// first. Anything else leaves the row alone, so the outcome does not depend on the order pages arrive in.
    /// </summary>
    public bool Supersedes(ObservationEntity stored)
    {
        var order = new ObservationLineage(RunId, RawBlob, RawSha256).CompareTo(stored.RunId, stored.RawSha256);
        var sameMeasurement = this with { RunId = stored.RunId, RawBlob = stored.RawBlob, RawSha256 = stored.RawSha256 } == stored;
        return sameMeasurement ? order < 0 : order > 0;
    }
}
