using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Marts;
using Tributary.Query.Drill;
using Tributary.Storage;
using Tributary.Testing;
using Tributary.Tests.Marts;

namespace Tributary.Tests.Query;

/// <summary>
/// The drill-down over <see cref="FixtureDay"/> on Azurite: for every row the aggregate stage wrote (every KPI, both
/// grains, the city and each stop place), the observations the drill-down lists are exactly the row's inputs: as many,
/// as many per metric, from the pages its lineage names, and a stop place's stop-located inputs at that stop place.
/// </summary>
public sealed class KpiDrillOverFixtureDayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_rows_drill_down_lists_exactly_its_inputs()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await FixtureDay.LoadAsync(storage, "20261122T0900Z", ct);
        var catalog = FixtureDay.Catalog();
        var drill = new KpiDrillService(catalog, new KpiStore(storage), new KpiInputReader(new ObservationStore(storage), new DimensionStore(storage)),
            Options.Create(new TributaryOptions()));

        var rows = new List<KpiEntity>();
        foreach (var kpi in catalog.All)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KpiKeys.Partition(kpi.Id, FixtureDay.City, FixtureDay.Day)}");
            await foreach (var row in storage.Table(StorageNames.KpisTable).QueryAsync<KpiEntity>(filter, cancellationToken: ct)) rows.Add(row);
        }
        Assert.True(rows.Count >= 72, $"{rows.Count} rows");
        Assert.Contains(rows, r => r.StopPlace is not null);

        foreach (var row in rows)
        {
            var answer = await drill.DrillAsync(new KpiDrillRequest(row.Kpi, row.City, row.StopPlace, KpiGrains.Parse(row.Grain)!.Value, row.BucketStartUtc), ct);
            var at = $"{row.Kpi} {row.RowKey}";
            Assert.True(row.Inputs == answer.ObservationsTotal, $"{at}: {answer.ObservationsTotal} observations for {row.Inputs} inputs");
            Assert.Equal(answer.ObservationsTotal, answer.Observations.Count);
            Assert.Equal(JsonSerializer.Deserialize<Dictionary<string, int>>(row.InputCounts),
                catalog.Find(row.Kpi)!.Inputs.ToDictionary(m => m, m => answer.Observations.Count(o => o.Metric == m)));
            var lineage = JsonSerializer.Deserialize<List<LineageEntry>>(row.Lineage)!;
            Assert.Equal(lineage.Select(l => l.Blob).Order(StringComparer.Ordinal), answer.Observations.Select(o => o.RawBlob).Distinct().Order(StringComparer.Ordinal));
            Assert.All(answer.Observations, o => Assert.Equal(row.BucketStartUtc, KpiGrains.Parse(row.Grain)!.Value.BucketOf(o.TimestampUtc)));
            if (row.StopPlace is { } stop)
            {
                Assert.All(answer.Observations.Where(o => StopLocatedMetrics.Contains(o.Metric)), o => Assert.Equal(stop, o.StopPlace));
            }
        }
    }
}
