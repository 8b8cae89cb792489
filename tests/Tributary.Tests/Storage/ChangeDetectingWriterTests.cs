using Azure.Data.Tables;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Storage;

public sealed class ChangeDetectingWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private sealed record Row : StoredEntity
    {
        public double? Value { get; set; }
        public string? Note { get; set; }
        public DateTimeOffset At { get; set; }
    }

    [Fact]
    public async Task Unchanged_rows_get_no_request_changed_ones_are_replaced_and_missing_ones_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = await TableAsync("writerdiff", ct);
        var writer = new ChangeDetectingWriter<Row>(table);
        var at = new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);
        IReadOnlyList<Row> first = [.. Enumerable.Range(0, 150).Select(i => new Row { PartitionKey = "p", RowKey = $"{i:D3}", Value = i, At = at })];

        Assert.Equal(new WriteCounts(150, 0, 0), await SyncAsync(writer, first, ct)); // Two transactions: 100 + 50.
        var before = await TableSnapshot.TakeAsync(StorageOf(), table.Name);
        Assert.Equal(new WriteCounts(0, 0, 150), await SyncAsync(writer, first, ct));
        Assert.Equal(before, await TableSnapshot.TakeAsync(StorageOf(), table.Name));

        // One value changes, one note appears, the last row is no longer wanted.
        IReadOnlyList<Row> second = [.. first.Take(149).Select(r => r.RowKey switch { "000" => r with { Value = -1 }, "001" => r with { Note = "n" }, _ => r })];
        Assert.Equal(new WriteCounts(2, 1, 147), await SyncAsync(writer, second, ct));
        var stored = await writer.PartitionAsync("p", ct);
        Assert.Equal(149, stored.Count);
        Assert.Equal((-1.0, "n"), (stored[0].Value, stored[1].Note));
        Assert.Equal(at, stored[2].At);
    }

    [Fact]
    public async Task A_write_that_lost_a_race_reads_again_instead_of_overwriting()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = await TableAsync("writerrace", ct);
        var writer = new ChangeDetectingWriter<Row>(table, TableWriteMode.EntityPerRequest);
        var attempts = 0;
        var counts = await writer.SyncAsync(
            c => writer.PartitionAsync("p", c),
            async c =>
            {
                // The first time, another writer inserts the row between our read and our write.
                if (++attempts == 1) await table.AddEntityAsync(new Row { PartitionKey = "p", RowKey = "r", Value = 2 }, c);
                return [new Row { PartitionKey = "p", RowKey = "r", Value = 2 }];
            },
            ct);
        Assert.Equal((2, new WriteCounts(0, 0, 1)), (attempts, counts));
    }

    private StorageAccount StorageOf() => azurite.Storage();

    private static Task<WriteCounts> SyncAsync(ChangeDetectingWriter<Row> writer, IReadOnlyList<Row> desired, CancellationToken ct) =>
        writer.SyncAsync(c => writer.PartitionAsync("p", c), _ => Task.FromResult(desired), ct, deleteMissing: true);

    private async Task<TableClient> TableAsync(string name, CancellationToken ct)
    {
        var table = azurite.Storage().Table(name);
        await table.CreateIfNotExistsAsync(ct);
        return table;
    }
}
