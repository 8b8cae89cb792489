using Tributary.Curation;
using Tributary.Marts;
using Tributary.Marts.Kpis;
using Tributary.Sources;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// One Azurite and one running app (local host, real worker) for the v1 read tests, with KPI rows written through
/// the real <see cref="KpiStore"/> (which keeps the KPI extents, as the aggregate stage does) and stops through the
/// real <see cref="DimensionStore"/>. The dates are fixed, so nothing depends on today.
/// <code>
/// thermal_comfort  oslo    hourly 2026-10-01T00 .. 2026-10-03T23 (72): hour i -> round(0.5 + 0.4 sin(i / 4), 4),
///                                  null (missing_apparent_temperature, coverage 0) when i % 10 == 3 (7 of them);
///                          daily 2026-10-01..03: 0.7, 0.8, 0.9
///                  bergen  hourly 2026-10-01T00 .. T05: 0.2, 0.4, null, 0.6, 0.8, 1.0 (coverage 1, 1, 0, 1, 1, 0.5)
/// on_time_performance oslo hourly 2026-10-01T07 .. T09: city 60, 70, 80; stop place NSR:StopPlace:1 50, 75, 100
/// stop dimension   NSR:StopPlace:1 (a station row, oslo) with quay NSR:Quay:11; NSR:Quay:21 (bergen) whose parent
///                  NSR:StopPlace:2 has no row of its own
/// </code>
/// </summary>
public sealed class KpiReadsV1Fixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly double?[] Bergen = [0.2, 0.4, null, 0.6, 0.8, 1.0];
    public static readonly double[] BergenCoverage = [1, 1, 0, 1, 1, 0.5];

    private AzuriteProcess? _azurite;

    public PipelineHarness App { get; private set; } = null!;

    public static double? Oslo(int hour) => hour % 10 == 3 ? null : Math.Round(0.5 + (0.4 * Math.Sin(hour / 4.0)), 4);

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        App = await PipelineHarness.StartAsync(_azurite.ConnectionString, runTimersOnStartup: false);
        await SeedAsync(App.Storage);
    }

    private static async Task SeedAsync(StorageAccount storage)
    {
        var rows = new List<KpiEntity>();
        for (var i = 0; i < 72; i++) rows.Add(Row(ThermalComfortFactor.KpiId, "1", "oslo", KpiGrain.Hour, null, Start.AddHours(i), Oslo(i), Oslo(i) is null ? 0 : 1));
        for (var d = 0; d < 3; d++) rows.Add(Row(ThermalComfortFactor.KpiId, "1", "oslo", KpiGrain.Day, null, Start.AddDays(d), Math.Round(0.7 + (0.1 * d), 4), 1));
        for (var i = 0; i < Bergen.Length; i++) rows.Add(Row(ThermalComfortFactor.KpiId, "1", "bergen", KpiGrain.Hour, null, Start.AddHours(i), Bergen[i], BergenCoverage[i]));
        double[] city = [60, 70, 80], stop = [50, 75, 100];
        for (var i = 0; i < 3; i++)
        {
            rows.Add(Row(OnTimePerformance.KpiId, "%", "oslo", KpiGrain.Hour, null, Start.AddHours(7 + i), city[i], 1));
            rows.Add(Row(OnTimePerformance.KpiId, "%", "oslo", KpiGrain.Hour, "NSR:StopPlace:1", Start.AddHours(7 + i), stop[i], 1));
        }
        var store = new KpiStore(storage, extents: new KpiExtentStore(storage));
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            await store.ReplaceAsync([partition.Key], _ => Task.FromResult<IReadOnlyList<KpiEntity>>([.. partition]), _ => true, CancellationToken.None);
        }

        await new DimensionStore(storage).UpsertAsync(
        [
            new(DimensionStore.StopKind, "NSR:StopPlace:1", new Dictionary<string, string?>
            {
                ["name"] = "Jernbanetorget", ["latitude"] = "59.9115", ["longitude"] = "10.7502", ["locationType"] = "1", ["city"] = "oslo",
            }),
            new DimensionRecord(DimensionStore.StopKind, "NSR:Quay:11", new Dictionary<string, string?>
            {
                ["name"] = "Jernbanetorget A", ["latitude"] = "59.9116", ["longitude"] = "10.7504", ["locationType"] = "0", ["parentStation"] = "NSR:StopPlace:1", ["city"] = "oslo",
            }),
            new DimensionRecord(DimensionStore.StopKind, "NSR:Quay:21", new Dictionary<string, string?>
            {
                ["name"] = "Bryggen", ["latitude"] = "60.3970", ["longitude"] = "5.3240", ["locationType"] = "0", ["parentStation"] = "NSR:StopPlace:2", ["city"] = "bergen",
            }),
        ], CancellationToken.None);
    }

    private static KpiEntity Row(string kpi, string unit, string city, KpiGrain grain, string? stop, DateTimeOffset bucket, double? value, double coverage) => new()
    {
        PartitionKey = KpiKeys.Partition(kpi, city, DateOnly.FromDateTime(bucket.UtcDateTime)),
        RowKey = KpiKeys.Row(grain, stop ?? KpiKeys.CityArea, bucket),
        Kpi = kpi,
        Grain = grain.Name(),
        City = city,
        StopPlace = stop,
        BucketStartUtc = bucket,
        BucketSeconds = (int)grain.Length().TotalSeconds,
        Value = value,
        Unit = unit,
        Reason = value is null ? (kpi == ThermalComfortFactor.KpiId ? KpiReasons.MissingApparentTemperature : KpiReasons.NoDepartures) : null,
        Inputs = value is null ? 0 : 2,
        Used = value is null ? 0 : 1,
        Coverage = coverage,
    };

    public async ValueTask DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
