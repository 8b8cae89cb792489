using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tributary.Curation;
using Tributary.Marts;
using Tributary.Marts.Kpis;
using Tributary.Sources;
using Tributary.Storage;

namespace Tributary.Tests.Marts;

/// <summary>
/// One hand-made UTC day of Oslo (2026-11-22) small enough to compute every KPI by hand: two departure boards
/// (stop place 1 with quays 1 and 2, stop place 2 with quay 3), hourly apparent temperature, two PM2.5 sensors and
/// the GTFS timetable's scheduled departures, each a separate raw page.
/// <code>
/// departures  07:00 Q1 0 s | 07:10 Q1 120 | 07:20 Q2 400 | 07:30 Q2 -90 | 07:05 Q3 30 | 07:15 Q3 cancelled | 07:25 Q3 scheduled only
///             08:00 Q1 600 | 08:20 Q1 -30 | 08:10 Q3 60
/// apparent temperature  07: -11 °C   08: 4 °C   09: 1 °C
/// pm25        07: S1 20, S2 30       08: S1 8, S2 missing
/// scheduled   07: Q1 2, Q2 3, Q3 3, Q9 5 (a quay no board lists)   08: Q1 2, Q2 1, Q3 1
/// </code>
/// </summary>
internal static class FixtureDay
{
    public const string City = "oslo";
    public const string StopPlace1 = "NSR:StopPlace:1";
    public const string StopPlace2 = "NSR:StopPlace:2";
    public static readonly DateOnly Day = new(2026, 11, 22);

    public static readonly IReadOnlyList<DimensionRecord> Stops =
    [
        Stop("NSR:Quay:1", StopPlace1), Stop("NSR:Quay:2", StopPlace1), Stop("NSR:Quay:3", StopPlace2), Stop("NSR:Quay:9", StopPlace2),
        Stop(StopPlace1, null), Stop(StopPlace2, null),
    ];

    /// <summary>The raw pages of the day, in the order they would normally arrive.</summary>
    public static IReadOnlyList<Page> Pages { get; } =
    [
        new("entur-jp/2026/11/22/20261122T0645Z/NSR:StopPlace:1.json", [
            Departure("NSR:Quay:1", 7, 0, 0), Departure("NSR:Quay:1", 7, 10, 120), Departure("NSR:Quay:2", 7, 20, 400),
            Departure("NSR:Quay:2", 7, 30, -90), Departure("NSR:Quay:1", 8, 0, 600), Departure("NSR:Quay:1", 8, 20, -30)]),
        new("entur-jp/2026/11/22/20261122T0645Z/NSR:StopPlace:2.json", [
            Departure("NSR:Quay:3", 7, 5, 30), Departure("NSR:Quay:3", 7, 15, null, QualityFlags.Cancelled),
            Departure("NSR:Quay:3", 7, 25, 0, QualityFlags.ScheduledOnly), Departure("NSR:Quay:3", 8, 10, 60)]),
        new("open-meteo/2026/11/22/20261122T0605Z/oslo.json", [
            Reading("open-meteo", Metrics.ApparentTemperature, "city:oslo", 7, -11, "Cel"),
            Reading("open-meteo", Metrics.ApparentTemperature, "city:oslo", 8, 4, "Cel"),
            Reading("open-meteo", Metrics.ApparentTemperature, "city:oslo", 9, 1, "Cel")]),
        new("openaq/2026/11/22/20261122T0920Z/3001.json", [
            Reading("openaq", Metrics.Pm25, "openaq:sensor:1", 7, 20, "ug/m3"), Reading("openaq", Metrics.Pm25, "openaq:sensor:1", 8, 8, "ug/m3")]),
        new("openaq/2026/11/22/20261122T0920Z/3002.json", [
            Reading("openaq", Metrics.Pm25, "openaq:sensor:2", 7, 30, "ug/m3"), Reading("openaq", Metrics.Pm25, "openaq:sensor:2", 8, null, "ug/m3")]),
        new("entur-gtfs/2026/11/22/20261122T0330Z/feed.zip", [
            Scheduled("NSR:Quay:1", 7, 2), Scheduled("NSR:Quay:2", 7, 3), Scheduled("NSR:Quay:3", 7, 3), Scheduled("NSR:Quay:9", 7, 5),
            Scheduled("NSR:Quay:1", 8, 2), Scheduled("NSR:Quay:2", 8, 1), Scheduled("NSR:Quay:3", 8, 1)]),
    ];

    public static KpiCatalog Catalog() => new(
    [
        new ThermalComfortFactor(), new Pm25AqiEquivalent(), new OnTimePerformance(Options.Create(new KpiOptions())), new MeanDepartureDelay(),
        new CancellationRate(), new ServiceDelivered(), new CommuteStress(), new DelayExposure(), new AirQualityAdjustedStress(),
    ]);

    public static readonly string[] Tables = [StorageNames.ObservationsTable, StorageNames.KpisTable, StorageNames.DimensionsTable];

    /// <summary>Empty tables (the tests of a class share one Azurite) with the day's stop dimension.</summary>
    public static async Task PrepareAsync(StorageAccount storage, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            try
            {
                await storage.Table(table).DeleteAsync(ct);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
            }
            await storage.Table(table).CreateAsync(ct);
        }
        await new DimensionStore(storage).UpsertAsync(Stops, ct);
    }

    /// <summary>Prepared tables with every page of the day delivered once, in order, by run <paramref name="runId"/>.</summary>
    public static async Task LoadAsync(StorageAccount storage, string runId, CancellationToken ct)
    {
        await PrepareAsync(storage, ct);
        foreach (var page in Pages) await DeliverAsync(storage, page, runId, ct);
    }

    public static Aggregator Aggregator(StorageAccount storage, TableWriteMode mode = TableWriteMode.Batched) =>
        new(new ObservationStore(storage, mode), new DimensionStore(storage), new KpiStore(storage, mode), Catalog(), NullLogger<Aggregator>.Instance);

    /// <summary>Curates one page as the curate stage does (observations, then the aggregate message it sends), and aggregates that message.</summary>
    public static async Task DeliverAsync(StorageAccount storage, Page page, string runId, CancellationToken ct)
    {
        await new ObservationStore(storage).UpsertAsync(page.Observations, new ObservationLineage(runId, page.Blob, Sha256(page.Blob, runId)), ct);
        await Aggregator(storage).AggregateAsync(AggregateMessage.For(City, page.Observations, null), ct);
    }

    public static string Sha256(string blob, string runId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(runId + blob)));

    public static DateTimeOffset At(int hour, int minute = 0) => new(Day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static DimensionRecord Stop(string id, string? parent) =>
        new("stop", id, new Dictionary<string, string?> { ["name"] = id, ["parentStation"] = parent, ["city"] = City });

    private static Observation Departure(string quay, int hour, int minute, double? delay, QualityFlags flags = QualityFlags.None) =>
        new("entur-jp", Metrics.DepartureDelay, quay, City, 59.91, 10.75, At(hour, minute), 0, delay, "s", flags, $"RUT:ServiceJourney:{hour}{minute}|2026-11-22|{quay}")
        {
            EventId = $"RUT:ServiceJourney:{hour}{minute}|2026-11-22",
        };

    private static Observation Reading(string source, string metric, string location, int hour, double? value, string unit) =>
        new(source, metric, location, City, 59.91, 10.75, At(hour), 3600, value, unit, value is null ? QualityFlags.Missing : QualityFlags.None, $"{location}|{hour}");

    private static Observation Scheduled(string quay, int hour, int count) =>
        new("entur-gtfs", Metrics.ScheduledDepartures, quay, City, 59.91, 10.75, At(hour), 3600, count, "1", QualityFlags.None, $"{quay}|{hour}");

    public sealed record Page(string Blob, IReadOnlyList<Observation> Observations);
}
