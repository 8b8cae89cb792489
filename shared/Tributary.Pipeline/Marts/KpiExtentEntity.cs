using Tributary.Storage;

namespace Tributary.Marts;

/// <summary>
/// A row of table <c>martextent</c> (<see cref="KpiExtentStore"/>): the UTC range that holds rows of one KPI in one
/// city. PartitionKey = <c>kpi</c> (the whole table is one small partition: KPIs × cities rows), RowKey =
/// <c>{kpi}|{city}</c>.
/// </summary>
public sealed record KpiExtentEntity : StoredEntity
{
    public string Kpi { get; set; } = "";

    public string City { get; set; } = "";

    /// <summary>The earliest bucket start of any row, at any grain.</summary>
    public DateTimeOffset EarliestUtc { get; set; }

    /// <summary>The latest bucket end (start + length) of any row: [EarliestUtc, LatestUtc) can be passed as from/to.</summary>
    public DateTimeOffset LatestUtc { get; set; }
}
