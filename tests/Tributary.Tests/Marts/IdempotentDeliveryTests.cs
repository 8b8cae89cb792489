using Tributary.Curation;
using Tributary.Storage;
using Tributary.Testing;
using static Tributary.Tests.Marts.FixtureDay;

namespace Tributary.Tests.Marts;

/// <summary>At-least-once delivery on real Azurite: duplicated and reordered pages and messages converge on the same tables.</summary>
public sealed class IdempotentDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // The fixture day from run 1, plus a later run of stop place 1's board that changed one delay (0 -> 200 s) and
    // repeated the rest: the later value must win, and the unchanged rows must keep run 1 as their lineage.
    private static readonly IReadOnlyList<(Page Page, string RunId)> Deliveries =
    [
        .. Pages.Select(p => (p, "20261122T0700Z")),
        (Pages[0] with { Observations = [.. Pages[0].Observations.Select((o, i) => i == 0 ? o with { Value = 200 } : o)] }, "20261122T0800Z"),
    ];

    [Fact]
    public async Task Duplicate_deliveries_change_nothing_and_write_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await PrepareAsync(storage, ct);
        foreach (var (page, run) in Deliveries) await DeliverAsync(storage, page, run, ct);
        var before = await SnapshotAsync(storage, withETags: true);

        // Every page and every aggregate message again: no row changes, not even its ETag.
        foreach (var (page, run) in Deliveries) await DeliverAsync(storage, page, run, ct);
        Assert.Equal(before, await SnapshotAsync(storage, withETags: true));
        Assert.All(before, Assert.NotEmpty);
    }

    [Fact]
    public async Task Reordered_and_repeated_deliveries_leave_the_same_tables_as_in_order_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = azurite.Storage();
        await PrepareAsync(storage, ct);
        foreach (var (page, run) in Deliveries) await DeliverAsync(storage, page, run, ct);
        var inOrder = await SnapshotAsync(storage, withETags: false);

        // Newest first, each page twice, and the aggregate messages only after every page, in reverse order again.
        await PrepareAsync(storage, ct);
        var observations = new ObservationStore(storage);
        var messages = new List<AggregateMessage>();
        foreach (var (page, run) in Deliveries.Reverse().SelectMany(d => new[] { d, d }))
        {
            await observations.UpsertAsync(page.Observations, new ObservationLineage(run, page.Blob, Sha256(page.Blob, run)), ct);
            messages.Add(AggregateMessage.For(City, page.Observations, null));
        }
        messages.Reverse();
        foreach (var message in messages) await Aggregator(storage).AggregateAsync(message, ct);
        var shuffled = await SnapshotAsync(storage, withETags: false);

        for (var i = 0; i < Tables.Length; i++) Assert.Equal(inOrder[i], shuffled[i]);
        // The changed delay is the later run's; an unchanged departure keeps the run that reported it first.
        var rows = await new ObservationStore(storage).GetMetricAsync(City, Day, Metrics.DepartureDelay, ct);
        Assert.Equal((200.0, "20261122T0800Z"), (rows.Single(r => r.TimestampUtc == At(7, 0)).Value, rows.Single(r => r.TimestampUtc == At(7, 0)).RunId));
        Assert.Equal("20261122T0700Z", rows.Single(r => r.TimestampUtc == At(7, 10)).RunId);
    }

    private static async Task<IReadOnlyList<string>[]> SnapshotAsync(StorageAccount storage, bool withETags) =>
        await Task.WhenAll(Tables.Select(t => withETags ? TableSnapshot.TakeAsync(storage, t) : TableSnapshot.ContentAsync(storage, t)));
}
