using Tributary.Storage;

namespace Tributary.Marts;

/// <summary>
/// Keys of table <c>kpis</c> (the mart).
/// <list type="bullet">
/// <item>PartitionKey = <c>{kpi}|{city}|{yyyyMMdd}</c>: one KPI of one city on one UTC day, at every grain and
/// area. That is exactly what the aggregate stage recomputes, so a recompute reads one partition and writes it in
/// entity group transactions; and writes spread over KPIs, cities and days.</item>
/// <item>RowKey = <c>{grain}|{area}|{bucket}</c>, area = <c>city</c> or a stop place id, bucket = <c>yyyyMMddTHH</c>
/// (hour) or <c>yyyyMMdd</c> (day): one series of a day is one RowKey range, in time order.</item>
/// </list>
/// </summary>
public static class KpiKeys
{
    /// <summary>The area of city-wide rows.</summary>
    public const string CityArea = "city";

    public static string Partition(string kpi, string cityId, DateOnly dayUtc) => TableKey.Join(kpi, cityId, dayUtc.ToString("yyyyMMdd"));

    public static string Row(KpiGrain grain, string area, DateTimeOffset bucketStartUtc) =>
        TableKey.Join(grain.Name(), area, Bucket(grain, bucketStartUtc));

    /// <summary>The RowKey range [from, to) of one grain and area within a day partition, for buckets starting in [fromUtc, toUtc).</summary>
    public static (string From, string To) Range(KpiGrain grain, string area, DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        (TableKey.Join(grain.Name(), area, Bucket(grain, fromUtc)), TableKey.Join(grain.Name(), area, Bucket(grain, toUtc)));

    private static string Bucket(KpiGrain grain, DateTimeOffset utc) =>
        utc.UtcDateTime.ToString(grain == KpiGrain.Hour ? "yyyyMMdd'T'HH" : "yyyyMMdd");
}
