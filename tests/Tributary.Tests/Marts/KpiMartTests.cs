using System.Text.Json;
using Tributary.Marts;
using Tributary.Marts.Kpis;
using Tributary.Storage;
using Tributary.Testing;
using static Tributary.Tests.Marts.FixtureDay;

namespace Tributary.Tests.Marts;

/// <summary>The aggregate stage on real Azurite over <see cref="FixtureDay"/>: every KPI at both grains, for the city and each stop place.</summary>
public sealed class KpiMartTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string H07 = "20261122T07", H08 = "20261122T08", H09 = "20261122T09", D = "20261122";
    private const string City = KpiKeys.CityArea, SP1 = StopPlace1, SP2 = StopPlace2;

    // Every row the day must produce: (kpi, grain, area, bucket, value, reason, used, coverage). Worked by hand:
    //   city 07: departures 7, D = {0, 120, 400, -90, 30}, C = 1 (one ScheduledOnly); Ta -11 (CF 0.6); pm25 {20, 30} -> 25 -> AQI 81.
    //   city 08: departures 3, D = {600, -30, 60}; Ta 4 (CF 0.9); pm25 {8, missing} -> 8 -> AQI 44.
    //   city 09: Ta 1 (CF 0.84) and nothing else.
    //   day:     departures 10, D = 8 values, C = 1; Ta mean (-11 + 4 + 1) / 3 = -2 -> CF 0.78; pm25 (20 + 30 + 8) / 3 = 19.33 -> AQI 70.
    //   SP1 = quays 1, 2: 07 D = {0, 120, 400, -90}; 08 D = {600, -30}.  SP2 = quay 3: 07 D = {30}, C = 1, one ScheduledOnly; 08 D = {60}.
    //   Lateness = mean max(0, d); CSS = lateness min / CF; exposure = pm25 * lateness h; AQ stress = CSS * (1 + max(0, AQI - 50) / 100).
    private static readonly (string Kpi, string Grain, string Area, string Bucket, double? Value, string? Reason, int Used, double Coverage)[] Expected =
    [
        // On-time performance: on time = -60..300 s, over |D| + |C|; coverage = (|D| + |C|) / departures.
        (OnTimePerformance.KpiId, "hour", City, H07, 50.0, null, 6, 0.8571),      // {0, 120, 30} of 6 = 50 %; 6/7
        (OnTimePerformance.KpiId, "hour", City, H08, 66.6667, null, 3, 1),        // {-30, 60} of 3
        (OnTimePerformance.KpiId, "day", City, D, 55.5556, null, 9, 0.9),         // 5 of 9; 9/10
        (OnTimePerformance.KpiId, "hour", SP1, H07, 50.0, null, 4, 1),            // {0, 120} of 4
        (OnTimePerformance.KpiId, "hour", SP1, H08, 50.0, null, 2, 1),            // {-30} of 2
        (OnTimePerformance.KpiId, "day", SP1, D, 50.0, null, 6, 1),               // {0, 120, -30} of 6
        (OnTimePerformance.KpiId, "hour", SP2, H07, 50.0, null, 2, 0.6667),       // {30} of 1 + 1 cancelled; 2/3
        (OnTimePerformance.KpiId, "hour", SP2, H08, 100.0, null, 1, 1),
        (OnTimePerformance.KpiId, "day", SP2, D, 66.6667, null, 3, 0.75),         // {30, 60} of 3; 3/4
        // Mean departure delay over D (signed); coverage = |D| / departures.
        (MeanDepartureDelay.KpiId, "hour", City, H07, 92.0, null, 5, 0.7143),     // 460 / 5; 5/7
        (MeanDepartureDelay.KpiId, "hour", City, H08, 210.0, null, 3, 1),         // 630 / 3
        (MeanDepartureDelay.KpiId, "day", City, D, 136.25, null, 8, 0.8),         // 1090 / 8
        (MeanDepartureDelay.KpiId, "hour", SP1, H07, 107.5, null, 4, 1),          // 430 / 4
        (MeanDepartureDelay.KpiId, "hour", SP1, H08, 285.0, null, 2, 1),          // 570 / 2
        (MeanDepartureDelay.KpiId, "day", SP1, D, 166.6667, null, 6, 1),          // 1000 / 6
        (MeanDepartureDelay.KpiId, "hour", SP2, H07, 30.0, null, 1, 0.3333),
        (MeanDepartureDelay.KpiId, "hour", SP2, H08, 60.0, null, 1, 1),
        (MeanDepartureDelay.KpiId, "day", SP2, D, 45.0, null, 2, 0.5),
        // Cancellation rate = |C| / departures; coverage as OTP.
        (CancellationRate.KpiId, "hour", City, H07, 14.2857, null, 7, 0.8571),    // 1 / 7
        (CancellationRate.KpiId, "hour", City, H08, 0.0, null, 3, 1),             // a measured zero, not a missing one
        (CancellationRate.KpiId, "day", City, D, 10.0, null, 10, 0.9),
        (CancellationRate.KpiId, "hour", SP1, H07, 0.0, null, 4, 1),
        (CancellationRate.KpiId, "hour", SP1, H08, 0.0, null, 2, 1),
        (CancellationRate.KpiId, "day", SP1, D, 0.0, null, 6, 1),
        (CancellationRate.KpiId, "hour", SP2, H07, 33.3333, null, 3, 0.6667),     // 1 / 3
        (CancellationRate.KpiId, "hour", SP2, H08, 0.0, null, 1, 1),
        (CancellationRate.KpiId, "day", SP2, D, 25.0, null, 4, 0.75),             // 1 / 4
        // Service delivered = |D| / scheduled at board quays in covered (stop place, hour) cells; Q9 never counts.
        // coverage = min(1, departures seen / scheduled).
        (ServiceDelivered.KpiId, "hour", City, H07, 62.5, null, 5, 0.875),        // 5 / (2 + 3 + 3); 7/8
        (ServiceDelivered.KpiId, "hour", City, H08, 75.0, null, 3, 0.75),         // 3 / (2 + 1 + 1); 3/4
        (ServiceDelivered.KpiId, "day", City, D, 66.6667, null, 8, 0.8333),       // 8 / 12; 10/12
        (ServiceDelivered.KpiId, "hour", SP1, H07, 80.0, null, 4, 0.8),           // 4 / (2 + 3)
        (ServiceDelivered.KpiId, "hour", SP1, H08, 66.6667, null, 2, 0.6667),     // 2 / (2 + 1)
        (ServiceDelivered.KpiId, "day", SP1, D, 75.0, null, 6, 0.75),             // 6 / 8
        (ServiceDelivered.KpiId, "hour", SP2, H07, 33.3333, null, 1, 1),          // 1 / 3; 3 seen / 3
        (ServiceDelivered.KpiId, "hour", SP2, H08, 100.0, null, 1, 1),            // 1 / 1
        (ServiceDelivered.KpiId, "day", SP2, D, 50.0, null, 2, 1),                // 2 / 4; 4/4
        // Thermal comfort of the mean apparent temperature (city only).
        (ThermalComfortFactor.KpiId, "hour", City, H07, 0.6, null, 1, 1),
        (ThermalComfortFactor.KpiId, "hour", City, H08, 0.9, null, 1, 1),         // 1 - 0.02 * 5
        (ThermalComfortFactor.KpiId, "hour", City, H09, 0.84, null, 1, 1),        // 1 - 0.02 * 8
        (ThermalComfortFactor.KpiId, "day", City, D, 0.78, null, 3, 1),           // CF(-2) = 1 - 0.02 * 11
        // PM2.5 AQI of the sensors' mean (city only); coverage = readings with a value / readings.
        (Pm25AqiEquivalent.KpiId, "hour", City, H07, 81.0, null, 2, 1),           // 49/26.3 * 15.9 + 51 = 80.62
        (Pm25AqiEquivalent.KpiId, "hour", City, H08, 44.0, null, 1, 0.5),         // 50/9 * 8 = 44.44
        (Pm25AqiEquivalent.KpiId, "day", City, D, 70.0, null, 3, 0.75),           // 19.3: 49/26.3 * 10.2 + 51 = 70.00
        // Commute stress = lateness (min) / CF; coverage = min(departure coverage, temperature coverage).
        (CommuteStress.KpiId, "hour", City, H07, 3.0556, null, 6, 0.8571),        // 550/5 = 110 s = 1.8333 min / 0.6
        (CommuteStress.KpiId, "hour", City, H08, 4.0741, null, 4, 1),             // 660/3 = 220 s = 3.6667 min / 0.9
        (CommuteStress.KpiId, "hour", City, H09, null, "no_realtime_departures", 0, 0),
        (CommuteStress.KpiId, "day", City, D, 3.2318, null, 11, 0.9),             // 1210/8 = 151.25 s = 2.5208 min / 0.78
        (CommuteStress.KpiId, "hour", SP1, H07, 3.6111, null, 5, 1),              // 520/4 = 130 s = 2.1667 min / 0.6
        (CommuteStress.KpiId, "hour", SP1, H08, 5.5556, null, 3, 1),              // 600/2 = 300 s = 5 min / 0.9
        (CommuteStress.KpiId, "day", SP1, D, 3.9886, null, 9, 1),                 // 1120/6 = 186.67 s = 3.1111 min / 0.78
        (CommuteStress.KpiId, "hour", SP2, H07, 0.8333, null, 2, 0.6667),         // 30 s = 0.5 min / 0.6
        (CommuteStress.KpiId, "hour", SP2, H08, 1.1111, null, 2, 1),              // 1 min / 0.9
        (CommuteStress.KpiId, "day", SP2, D, 0.9615, null, 5, 0.75),              // 45 s = 0.75 min / 0.78
        // Delay exposure = pm25 mean * lateness in hours; coverage = min(departures, pm25).
        (DelayExposure.KpiId, "hour", City, H07, 0.7639, null, 7, 0.8571),        // 25 * 110/3600
        (DelayExposure.KpiId, "hour", City, H08, 0.4889, null, 4, 0.5),           // 8 * 220/3600
        (DelayExposure.KpiId, "day", City, D, 0.8123, null, 11, 0.75),            // 19.333 * 151.25/3600
        (DelayExposure.KpiId, "hour", SP1, H07, 0.9028, null, 6, 1),              // 25 * 130/3600
        (DelayExposure.KpiId, "hour", SP1, H08, 0.6667, null, 3, 0.5),            // 8 * 300/3600
        (DelayExposure.KpiId, "day", SP1, D, 1.0025, null, 9, 0.75),              // 19.333 * 186.67/3600
        (DelayExposure.KpiId, "hour", SP2, H07, 0.2083, null, 3, 0.6667),         // 25 * 30/3600
        (DelayExposure.KpiId, "hour", SP2, H08, 0.1333, null, 2, 0.5),            // 8 * 60/3600
        (DelayExposure.KpiId, "day", SP2, D, 0.2417, null, 5, 0.75),              // 19.333 * 45/3600
        // AQ-adjusted stress = CSS * (1 + max(0, AQI - 50) / 100): x 1.31 at 07 (AQI 81), x 1 at 08 (AQI 44), x 1.2 for the day (AQI 70).
        (AirQualityAdjustedStress.KpiId, "hour", City, H07, 4.0028, null, 8, 0.8571),   // 3.05556 * 1.31
        (AirQualityAdjustedStress.KpiId, "hour", City, H08, 4.0741, null, 5, 0.5),
        (AirQualityAdjustedStress.KpiId, "hour", City, H09, null, "no_realtime_departures", 0, 0),
        (AirQualityAdjustedStress.KpiId, "day", City, D, 3.8782, null, 14, 0.75),      // 3.23184 * 1.2
        (AirQualityAdjustedStress.KpiId, "hour", SP1, H07, 4.7306, null, 7, 1),        // 3.61111 * 1.31
        (AirQualityAdjustedStress.KpiId, "hour", SP1, H08, 5.5556, null, 4, 0.5),
        (AirQualityAdjustedStress.KpiId, "day", SP1, D, 4.7863, null, 12, 0.75),       // 3.98860 * 1.2
        (AirQualityAdjustedStress.KpiId, "hour", SP2, H07, 1.0917, null, 4, 0.6667),   // 0.83333 * 1.31
        (AirQualityAdjustedStress.KpiId, "hour", SP2, H08, 1.1111, null, 3, 0.5),
        (AirQualityAdjustedStress.KpiId, "day", SP2, D, 1.1538, null, 8, 0.75),        // 0.96154 * 1.2
    ];

    [Fact]
    public async Task A_hand_computed_day_gives_exactly_the_expected_value_of_every_kpi_at_both_grains()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await LoadAsync(storage, "20261122T1000Z", ct);

        var rows = new List<KpiEntity>();
        await foreach (var row in storage.Table(StorageNames.KpisTable).QueryAsync<KpiEntity>(cancellationToken: ct)) rows.Add(row);
        var actual = rows.Select(r => (r.Kpi, r.Grain, Area: r.StopPlace ?? City, Bucket: r.RowKey.Split('|')[^1], r.Value, r.Reason, r.Used, r.Coverage))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(Expected.OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList(), actual);

        // Every row carries its input counts, bucket and lineage; a row of the city at 07 as an example.
        var service = rows.Single(r => r.RowKey == $"hour|city|{H07}" && r.Kpi == ServiceDelivered.KpiId);
        Assert.Equal($"{ServiceDelivered.KpiId}|oslo|{D}", service.PartitionKey);
        Assert.Equal((At(7), 3600, "%", 11), (service.BucketStartUtc, service.BucketSeconds, service.Unit, service.Inputs));
        Assert.Equal("""{"departure_delay":7,"scheduled_departures":4}""", service.InputCounts);
        var lineage = JsonSerializer.Deserialize<LineageEntry[]>(service.Lineage)!;
        Assert.Equal([Pages[5].Blob, Pages[0].Blob, Pages[1].Blob], lineage.Select(l => l.Blob)); // Blob-name order.
        Assert.Equal(Sha256(Pages[0].Blob, "20261122T1000Z"), lineage[1].Sha256);
        Assert.Equal(3, service.LineageBlobs);
        Assert.All(rows, r => Assert.Equal(r.Value is null, r.Reason is not null));
    }

    [Fact]
    public async Task A_departure_board_recomputes_only_the_kpis_that_read_departures()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await LoadAsync(storage, "20261122T1000Z", ct);
        var before = await TableSnapshot.TakeAsync(storage, StorageNames.KpisTable);

        // A later board run reports a new delay at quay 1; thermal comfort and the AQI must not even be read again.
        var board = Pages[0] with { Observations = [.. Pages[0].Observations.Select((o, i) => i == 0 ? o with { Value = 200 } : o)] };
        await DeliverAsync(storage, board, "20261122T1100Z", ct);
        var after = await TableSnapshot.TakeAsync(storage, StorageNames.KpisTable);

        static IEnumerable<string> Of(IEnumerable<string> rows, string kpi) => rows.Where(r => r.StartsWith(kpi + "|", StringComparison.Ordinal));
        Assert.Equal(Of(before, ThermalComfortFactor.KpiId), Of(after, ThermalComfortFactor.KpiId));
        Assert.Equal(Of(before, Pm25AqiEquivalent.KpiId), Of(after, Pm25AqiEquivalent.KpiId));
        Assert.NotEqual(Of(before, OnTimePerformance.KpiId), Of(after, OnTimePerformance.KpiId));
        // Stop place 2 was not on the board: its rows keep their ETags.
        static bool AtStopPlace2(string row) => row.Split(' ')[0].Contains($"|{SP2}|", StringComparison.Ordinal);
        Assert.Contains(Of(before, MeanDepartureDelay.KpiId), AtStopPlace2);
        Assert.Equal(Of(before, MeanDepartureDelay.KpiId).Where(AtStopPlace2), Of(after, MeanDepartureDelay.KpiId).Where(AtStopPlace2));
    }
}
