using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tributary.Landing;
using Tributary.Replay;
using Tributary.Sources;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.RawReplay;

/// <summary>
/// The replay's claims and days on a real Azurite under a fake clock: a repeated request joins, a claim whose owner
/// died is resumed once stale, force joins a replay under way, and a redelivered day queues nothing twice.
/// </summary>
public sealed class RawReplayServiceTests
{
    private const string Source = "open-meteo";
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_redelivered_day_queues_nothing_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        var (service, storage, _) = await StartAsync(azurite, ct);
        await LandAsync(storage, $"{Source}/2026/11/20/20261120T0605Z/oslo.json", ct);
        await LandAsync(storage, $"{Source}/2026/11/20/20261120T0605Z/bergen.json", ct);
        await LandAsync(storage, $"{Source}/2026/11/21/20261121T0605Z/oslo.json", ct); // Another day: not asked for.

        var outcome = await service.StartAsync(RawReplayRequest.Parse(Source, "2026-11-20", "2026-11-20"), ct);
        Assert.True(outcome.Started);
        var day = JsonSerializer.Deserialize<RawReplayDay>(Assert.Single(await DrainAsync(storage, RawReplayService.QueueName, ct)))!;
        Assert.Equal((Source, outcome.Status.Id, Day, Now), (day.Source, day.ReplayId, day.Day, day.StartedUtc));

        var first = await service.ReplayDayAsync(day, ct);
        var again = await service.ReplayDayAsync(day, ct);
        Assert.Equal(first, again with { Skipped = first.Skipped }); // The row read back; its (empty) skip list is a new list.
        Assert.Empty(again.Skipped);
        var curate = (await DrainAsync(storage, StorageNames.CurateQueue, ct)).Select(m => JsonSerializer.Deserialize<CurateMessage>(m)!).ToList();
        Assert.Equal(["bergen", "oslo"], curate.Select(m => m.City).Order());
        Assert.All(curate, m => Assert.Equal("20261120T0605Z.replay-20261201T090000000Z", m.RunId));
        Assert.All(curate, m => Assert.Matches("^[0-9a-f]{64}$", m.Sha256));
        var status = (await service.StatusAsync(Source, outcome.Status.Id, ct))!;
        Assert.Equal((RawReplayStatus.Done, 1, 2), (status.Status, status.DaysDone, status.BlobsQueued));
    }

    [Fact]
    public async Task An_identical_request_joins_and_a_claim_left_by_a_dead_owner_is_resumed_once_stale()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        var (service, storage, clock) = await StartAsync(azurite, ct);
        var request = RawReplayRequest.Parse(Source, "2026-11-20", "2026-11-22");

        // An owner that inserted the row and died before queueing any day.
        var orphan = new RawReplayRecord(Source, "20261120-20261122-g1", request.From, request.To, 1, 3, Now, Now, Dispatched: false);
        Assert.True(await new RawReplayStore(storage).TryAddAsync(orphan, ct));

        clock.Advance(TimeSpan.FromMinutes(1));
        var early = await service.StartAsync(request, ct);
        Assert.False(early.Started); // The owner may still be at work.
        Assert.Empty(await DrainAsync(storage, RawReplayService.QueueName, ct));

        clock.Advance(RawReplayService.StaleAfter);
        var resumed = await service.StartAsync(request, ct);
        Assert.True(resumed.Started);
        Assert.Equal(orphan.StartedUtc, resumed.Status.StartedUtc);
        Assert.Equal(3, (await DrainAsync(storage, RawReplayService.QueueName, ct)).Count);

        clock.Advance(RawReplayService.StaleAfter * 2);
        var joined = await service.StartAsync(request, ct);
        Assert.False(joined.Started); // Every day is queued: nothing to resume, however late.
        Assert.Empty(await DrainAsync(storage, RawReplayService.QueueName, ct));
    }

    [Fact]
    public async Task Force_joins_a_replay_under_way_and_starts_the_next_generation_once_it_is_done()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        var (service, storage, clock) = await StartAsync(azurite, ct);
        var request = RawReplayRequest.Parse(Source, "2026-11-20", "2026-11-21");
        var forced = request with { Force = true };

        Assert.Equal("20261120-20261121-g1", (await service.StartAsync(forced, ct)).Status.Id); // None yet: the first.
        var underWay = await service.StartAsync(forced, ct);
        Assert.Equal(("20261120-20261121-g1", false, RawReplayStatus.Queued), (underWay.Status.Id, underWay.Started, underWay.Status.Status));

        foreach (var message in await DrainAsync(storage, RawReplayService.QueueName, ct))
        {
            await service.ReplayDayAsync(JsonSerializer.Deserialize<RawReplayDay>(message)!, ct);
        }
        clock.Advance(TimeSpan.FromSeconds(1));
        var next = await service.StartAsync(forced, ct);
        Assert.Equal(("20261120-20261121-g2", true, Now.AddSeconds(1)), (next.Status.Id, next.Started, next.Status.StartedUtc));
        Assert.Equal(RawReplayStatus.Done, (await service.StatusAsync(Source, "20261120-20261121-g1", ct))!.Status);
        Assert.Equal("20261120-20261121-g9", (await service.StartAsync(request with { Generation = 9 }, ct)).Status.Id);
    }

    private static async Task<(RawReplayService Service, StorageAccount Storage, FakeTimeProvider Clock)> StartAsync(AzuriteProcess azurite, CancellationToken ct)
    {
        var storage = StorageAccount.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageNames.ConnectionSetting, azurite.ConnectionString)]).Build());
        await new StorageInitializer(storage, NullLogger<StorageInitializer>.Instance).StartAsync(ct);
        var clock = new FakeTimeProvider(Now);
        var registry = new SourceRegistry([], [new UnusedMapper(Source)]);
        var service = new RawReplayService(registry, ShippedManifests.Load(), new LandedPages(storage), new RawReplayStore(storage),
            new JsonQueue(storage), clock, NullLogger<RawReplayService>.Instance);
        return (service, storage, clock);
    }

    private static async Task LandAsync(StorageAccount storage, string name, CancellationToken ct)
    {
        var options = new BlobUploadOptions { Metadata = new Dictionary<string, string> { [RawPayloadStore.Sha256Metadata] = new string('a', 64) } };
        await storage.Container(StorageNames.RawContainer).GetBlobClient(name).UploadAsync(BinaryData.FromString("{}"), options, ct);
    }

    private static async Task<List<string>> DrainAsync(StorageAccount storage, string queue, CancellationToken ct)
    {
        var bodies = new List<string>();
        while ((await storage.Queue(queue).ReceiveMessagesAsync(32, cancellationToken: ct)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                bodies.Add(message.Body.ToString());
                await storage.Queue(queue).DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
        }
        return bodies;
    }

    /// <summary>These tests never curate; the registry only needs to know the source.</summary>
    private sealed class UnusedMapper(string sourceId) : ISourceMapper
    {
        public string SourceId => sourceId;

        public global::Tributary.Quality.PayloadSchema Schema => global::Tributary.Quality.PayloadSchema.None;

        public MappingResult Map(Stream payload, RawPageContext context) => throw new NotSupportedException();
    }
}
