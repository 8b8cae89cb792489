using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.Curation;
using Tributary.Query;
using Tributary.Sources;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Query;

/// <summary>The stop places of the stop dimension on Azurite: which rows count, the bounds, and the time they are kept.</summary>
public sealed class StopPlaceDirectoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static DimensionRecord Stop(string id, string? parent, string? locationType, string city, double lat) =>
        new(DimensionStore.StopKind, id, new Dictionary<string, string?>
        {
            ["name"] = id + " name", ["latitude"] = lat.ToString(System.Globalization.CultureInfo.InvariantCulture), ["longitude"] = "10.75",
            ["locationType"] = locationType, ["parentStation"] = parent, ["city"] = city,
        });

    [Fact]
    public async Task Stations_and_named_parents_are_stop_places_bounded_and_kept_for_their_ttl()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await storage.Table(StorageNames.DimensionsTable).CreateIfNotExistsAsync(ct);
        await new DimensionStore(storage).UpsertAsync(
        [
            Stop("NSR:StopPlace:1", null, "1", "oslo", 59.9),
            Stop("NSR:Quay:1", "NSR:StopPlace:1", "0", "oslo", 59.91),
            Stop("NSR:Quay:2", "NSR:StopPlace:2", "0", "oslo", 59.0),   // parent without a row: at its quays' mean
            Stop("NSR:Quay:3", "NSR:StopPlace:2", "0", "oslo", 60.0),
            Stop("NSR:Quay:9", null, "0", "bergen", 60.3),              // a lone quay is not a stop place
        ], ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new KpiReadOptions();
        var directory = new StopPlaceDirectory(storage, time, Options.Create(options));

        var places = await directory.GetAsync(ct);
        Assert.False(places.Truncated);
        Assert.Equal(["NSR:StopPlace:1", "NSR:StopPlace:2"], places.All.Select(p => p.Id));
        Assert.Equal(new StopPlace("NSR:StopPlace:1", "NSR:StopPlace:1 name", "oslo", 59.9, 10.75), places.Find("NSR:StopPlace:1"));
        Assert.Equal(new StopPlace("NSR:StopPlace:2", null, "oslo", 59.5, 10.75), places.Find("NSR:StopPlace:2"));
        Assert.Null(places.Find("NSR:Quay:9"));

        // Kept for the TTL: a station added now shows only after it.
        await new DimensionStore(storage).UpsertAsync([Stop("NSR:StopPlace:7", null, "1", "bergen", 60.39)], ct);
        Assert.Same(places, await directory.GetAsync(ct));
        time.Advance(TimeSpan.FromSeconds(options.StopPlacesTtlSeconds + 1));
        Assert.Equal(3, (await directory.GetAsync(ct)).All.Count);

        // Bounded: at most MaxStopPlaces listed, and the rows read are bounded too; both say so.
        var few = new StopPlaceDirectory(storage, time, Options.Create(new KpiReadOptions { MaxStopPlaces = 2 }));
        Assert.Equal((2, true), ((await few.GetAsync(ct)).All.Count, (await few.GetAsync(ct)).Truncated));
        var rows = new StopPlaceDirectory(storage, time, Options.Create(new KpiReadOptions { MaxStopRows = 2 }));
        Assert.True((await rows.GetAsync(ct)).Truncated);
    }
}
