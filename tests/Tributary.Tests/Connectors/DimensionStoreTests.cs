using Azure.Data.Tables;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Connectors;

public sealed class DimensionStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Dimension_rows_are_written_once_and_only_rewritten_when_an_attribute_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await storage.Table(StorageNames.DimensionsTable).CreateIfNotExistsAsync(ct);
        var store = new DimensionStore(storage);
        DimensionRecord Quay(string name) => new("stop", "NSR:Quay:1001", new Dictionary<string, string?>
        {
            ["name"] = name, ["lat"] = "59.9115", ["parent_station"] = "NSR:StopPlace:58366", ["platform_code"] = null,
        });

        Assert.Equal(2, await store.UpsertAsync([Quay("Jernbanetorget"), new("stop", "NSR:StopPlace:58366", new Dictionary<string, string?> { ["name"] = "Jernbanetorget" })], ct));
        var before = await TableSnapshot.TakeAsync(storage, StorageNames.DimensionsTable);
        Assert.Equal(0, await store.UpsertAsync([Quay("Jernbanetorget")], ct));
        Assert.Equal(before, await TableSnapshot.TakeAsync(storage, StorageNames.DimensionsTable));

        Assert.Equal(1, await store.UpsertAsync([Quay("Jernbanetorget, spor \"B\"")], ct));
        var row = await storage.Table(StorageNames.DimensionsTable).GetEntityAsync<TableEntity>("stop", "NSR:Quay:1001", cancellationToken: ct);
        Assert.Equal(("Jernbanetorget, spor \"B\"", "NSR:StopPlace:58366"), (row.Value.GetString("name"), row.Value.GetString("parent_station")));
        Assert.False(row.Value.ContainsKey("platform_code")); // Absent attributes are not stored as empty strings.
    }
}
