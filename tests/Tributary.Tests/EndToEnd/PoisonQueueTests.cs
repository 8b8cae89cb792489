using Tributary.Landing;
using Tributary.Sources;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>A message that always fails is retried by the local host and lands in <c>curate-poison</c> after 5 dequeues.</summary>
public sealed class PoisonQueueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_curate_message_that_always_fails_goes_to_the_poison_queue_after_five_dequeues_and_its_raw_blob_stays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false,
            hostSettings: new Dictionary<string, string?> { ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00" },
            cancellationToken: ct);

        // A real landed page, but the message claims another hash: curation must refuse it every time.
        var runTime = new DateTimeOffset(2026, 11, 20, 6, 5, 0, TimeSpan.Zero);
        var landed = await new RawPayloadStore(app.Storage).LandAsync("open-meteo", RunIds.For(runTime), runTime,
            new RawPage("oslo", "oslo", """{"hourly":{"time":[]}}"""u8.ToArray(), "application/json"), ct);
        var wrongHash = new string('0', 64);
        await new JsonQueue(app.Storage).SendAsync(StorageNames.CurateQueue,
            new CurateMessage("open-meteo", RunIds.For(runTime), landed.BlobName, wrongHash, "oslo"), ct);

        var poison = app.Storage.Queue($"{StorageNames.CurateQueue}-poison");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? poisoned = null;
        while (poisoned is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the message did not reach curate-poison within 60 s");
            if (await poison.ExistsAsync(ct))
            {
                var peeked = await poison.PeekMessagesAsync(maxMessages: 10, ct);
                poisoned = peeked.Value.SingleOrDefault()?.Body.ToString();
            }
            if (poisoned is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }

        Assert.Contains(landed.BlobName, poisoned);
        Assert.Contains(wrongHash, poisoned);
        var attempts = app.Invocations.Snapshot().Where(r => r.FunctionName == "Curate").ToList();
        Assert.Equal(5, attempts.Count);
        Assert.All(attempts, a => Assert.False(a.Succeeded));
        Assert.All(attempts, a => Assert.Contains("SHA-256", a.Error));
        Assert.Equal(["1", "2", "3", "4", "5"], attempts.Select(a => a.Request.TriggerMetadata["DequeueCount"].Json));
        Assert.Empty((await app.Storage.Queue(StorageNames.CurateQueue).PeekMessagesAsync(cancellationToken: ct)).Value);
        Assert.True(await app.Storage.Container(StorageNames.RawContainer).GetBlobClient(landed.BlobName).ExistsAsync(ct));
    }
}
