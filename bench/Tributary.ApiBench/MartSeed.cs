using Tributary.Marts;
using Tributary.Storage;

namespace Tributary.ApiBench;

/// <summary>
/// Writes hourly and daily rows of one KPI for every city over a span of UTC days through the real
/// <see cref="KpiStore"/>, so the API reads what the aggregate stage would have written. The values follow a daily
/// cycle, so downsampling has a shape to keep.
/// </summary>
internal static class MartSeed
{
    public static async Task<int> WriteAsync(StorageAccount storage, string kpi, string unit, IReadOnlyList<string> cities, DateOnly firstDay, int days)
    {
        var store = new KpiStore(storage);
        var rows = 0;
        foreach (var city in cities)
        {
            for (var d = 0; d < days; d++)
            {
                var day = firstDay.AddDays(d);
                var partition = KpiKeys.Partition(kpi, city, day);
                var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var entities = Enumerable.Range(0, 24)
                    .Select(h => Row(kpi, unit, city, partition, KpiGrain.Hour, dayStart.AddHours(h), 3600, 15 + 8 * Math.Sin((h - 9) * Math.PI / 12) + d))
                    .Append(Row(kpi, unit, city, partition, KpiGrain.Day, dayStart, 86400, 15 + d))
                    .ToList();
                await store.ReplaceAsync([partition], _ => Task.FromResult<IReadOnlyList<KpiEntity>>(entities), _ => true, CancellationToken.None);
                rows += entities.Count;
            }
        }
        return rows;
    }

    private static KpiEntity Row(string kpi, string unit, string city, string partition, KpiGrain grain, DateTimeOffset start, int seconds, double value) => new()
    {
        PartitionKey = partition,
        RowKey = KpiKeys.Row(grain, KpiKeys.CityArea, start),
        Kpi = kpi,
        Grain = grain.Name(),
        City = city,
        BucketStartUtc = start,
        BucketSeconds = seconds,
        Value = Math.Round(value, 3),
        Unit = unit,
        Inputs = 4,
        Used = 4,
        Coverage = 1,
        InputCounts = "{\"temperature\":1,\"relative_humidity\":1,\"wind_speed\":1,\"apparent_temperature\":1}",
    };
}
