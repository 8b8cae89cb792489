using Azure.Data.Tables;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// Storage goes away for 30 s in the middle of an ingest run and comes back with its data. Nobody restarts
/// anything: the host's queue listeners back off and resume, the worker's storage calls wait it out, and every
/// page of the run reaches the tables. Nothing is poisoned, nothing is lost.
/// </summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task A_30_second_storage_outage_during_a_run_loses_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("tributary-outage-");
        try
        {
            await using var azurite = await AzuriteProcess.StartAsync(ct, location: data.FullName);
            // Each OpenAQ page takes a second to come, so the run is still fetching when storage stops.
            await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
                replaySettings: ["--Replay:OpenAq:SlowResponseSeconds=1"]);
            using (var replay = new HttpClient { BaseAddress = app.ReplayAddress })
            {
                (await replay.PostAsync("_replay/faults/openaq?mode=slow", null, ct)).EnsureSuccessStatusCode();
            }
            var now = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(12), TimeSpan.Zero);

            var run = app.FireTimerAsync("IngestAirQuality", now, ct);
            await app.Invocations.WaitForAsync(r => r.Any(x => x.FunctionName == "Curate"), TimeSpan.FromSeconds(60), "the first page to be curated");
            await azurite.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            await azurite.StartAgainAsync(ct);

            var ingest = await run;
            Assert.True(ingest.Succeeded, ingest.Error);
            var record = await app.Runs.GetAsync("openaq", Tributary.Landing.RunIds.For(now), ct);
            Assert.NotNull(record);
            Assert.Equal(Tributary.Landing.IngestionService.Succeeded, record.Outcome);
            // Every landed page is curated: one quality row per page.
            await WaitUntilAsync(async () => (await RowsAsync(app, StorageNames.QualityTable, "PartitionKey eq 'openaq' and Scope eq 'page'", ct)).Count >= record.Pages,
                TimeSpan.FromSeconds(120), $"{record.Pages} quality rows");
            var raw = new List<string>();
            await foreach (var blob in app.Storage.Container(StorageNames.RawContainer).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "openaq/" }, ct)) raw.Add(blob.Name);
            Assert.Equal(record.Pages, raw.Count);
            var quality = await RowsAsync(app, StorageNames.QualityTable, "PartitionKey eq 'openaq' and Scope eq 'page'", ct);
            Assert.Equal(raw.Order(StringComparer.Ordinal), quality.Select(q => q.GetString("RawBlob")).Order(StringComparer.Ordinal));
            Assert.NotEmpty(await RowsAsync(app, StorageNames.ObservationsTable, "", ct));
            foreach (var queue in new[] { StorageNames.CurateQueue, StorageNames.AggregateQueue })
            {
                var poison = app.Storage.Queue($"{queue}-poison");
                Assert.False(await poison.ExistsAsync(ct) && (await poison.PeekMessagesAsync(cancellationToken: ct)).Value.Length > 0, $"{queue}-poison has messages");
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<List<TableEntity>> RowsAsync(PipelineHarness app, string table, string filter, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in app.Storage.Table(table).QueryAsync<TableEntity>(filter.Length == 0 ? null : filter, cancellationToken: ct)) rows.Add(row);
        return rows;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout} waiting for {description}");
            await Task.Delay(250);
        }
    }
}
