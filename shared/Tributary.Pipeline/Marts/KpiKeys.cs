using Tributary.Storage;

namespace Tributary.Marts;

/// <summary>
/// Keys of table <c>kpis</c> (the mart). PartitionKey = <c>{kpi}|{city}|{yyyyMM}</c>: a month of one KPI for one city,
/// so a date-range query touches one partition per month and writes spread across cities and months. RowKey =
/// <c>{yyyyMMddTHH}</c> of the UTC hour bucket, so a range is a RowKey range in time order.
/// </summary>
public static class KpiKeys
{
    public static string Partition(string kpi, string cityId, DateTime utc) => TableKey.Join(kpi, cityId, utc.ToString("yyyyMM"));

    public static string Row(DateTime bucketUtc) => bucketUtc.ToString("yyyyMMdd'T'HH");

    /// <summary>The UTC months that [from, to) touches, first to last.</summary>
    public static IEnumerable<DateTime> Months(DateTime fromUtc, DateTime toUtc)
    {
        for (var month = new DateTime(fromUtc.Year, fromUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc); month < toUtc; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
