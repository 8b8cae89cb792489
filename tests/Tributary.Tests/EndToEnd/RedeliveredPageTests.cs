using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Curation;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// The crash the <see cref="CrashTests"/> found, made deterministic: a curate attempt that wrote every row and died
/// before its Aggregate messages were sent. The redelivered page finds its rows already there, and must still ask for
/// every recompute the first attempt would have, the stop dimension's included.
/// </summary>
public sealed class RedeliveredPageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset RunTime = new(2026, 11, 24, 7, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_timetable_page_redelivered_after_its_rows_were_written_asks_for_the_same_recomputes_stop_dimension_included()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pipeline = Pipeline(azurite.ConnectionString);
        foreach (var service in pipeline.GetServices<IHostedService>()) await service.StartAsync(ct);
        var storage = pipeline.GetRequiredService<StorageAccount>();
        var landed = await pipeline.GetRequiredService<RawPayloadStore>().LandAsync("entur-gtfs", RunIds.For(RunTime), RunTime,
            new RawPage("all", null, Feed(), "application/zip"), ct);
        var message = new CurateMessage("entur-gtfs", RunIds.For(RunTime), landed.BlobName, landed.Sha256, null);
        var curator = pipeline.GetRequiredService<Curator>();

        await curator.CurateAsync(message, ct);
        var first = await TakeAggregateMessagesAsync(storage, ct);
        // The first attempt's messages are lost (it died before sending them); the queue delivers the page again.
        await curator.CurateAsync(message, ct);
        var again = await TakeAggregateMessagesAsync(storage, ct);

        Assert.NotEmpty(first);
        Assert.All(first, m => Assert.Contains("\"dimensions\":[\"stop\"]", m, StringComparison.Ordinal));
        Assert.Equal(first, again);
    }

    private static ServiceProvider Pipeline(string connectionString)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in Directory.GetFiles(RepoPaths.Combine("functions", "Tributary.Functions", "sources"), "*.json").Order(StringComparer.Ordinal))
        {
            builder.AddJsonFile(file);
        }
        builder.AddInMemoryCollection([
            new(StorageNames.ConnectionSetting, connectionString),
            .. PipelineHarness.Schedules.Select(s => new KeyValuePair<string, string?>(s, PipelineHarness.NeverDuringTests)),
            .. PipelineHarness.ReplayCredentials.Select(c => new KeyValuePair<string, string?>($"Secrets:{c.Key}", c.Value)),
        ]);
        var configuration = builder.Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddTributaryPipeline(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<List<string>> TakeAggregateMessagesAsync(StorageAccount storage, CancellationToken ct)
    {
        var queue = storage.Queue(StorageNames.AggregateQueue);
        var texts = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32, cancellationToken: ct)).Value is { Length: > 0 } messages)
        {
            foreach (var m in messages)
            {
                texts.Add(m.Body.ToString());
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
            }
        }
        return [.. texts.Order(StringComparer.Ordinal)];
    }

    /// <summary>One stop place in Oslo with two quays, and a weekday service departing from both around the run.</summary>
    private static byte[] Feed()
    {
        (string Name, string Text)[] files =
        [
            ("agency.txt", "agency_id,agency_name,agency_url,agency_timezone\nRUT:Authority:RUT,Ruter,https://ruter.no,Europe/Oslo\n"),
            ("stops.txt", "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station\n" +
                "NSR:StopPlace:58366,Jernbanetorget,59.911900,10.750600,1,\n" +
                "NSR:Quay:1001,Jernbanetorget,59.911500,10.749900,0,NSR:StopPlace:58366\n" +
                "NSR:Quay:1002,Jernbanetorget,59.911700,10.750100,0,NSR:StopPlace:58366\n"),
            ("trips.txt", "route_id,service_id,trip_id\nRUT:Line:31,WK,T1\nRUT:Line:31,WK,T2\n"),
            ("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWK,1,1,1,1,1,0,0,20261101,20261231\n"),
            ("stop_times.txt", "trip_id,stop_id,departure_time,arrival_time,stop_sequence\nT1,NSR:Quay:1001,08:02:00,08:02:00,1\nT2,NSR:Quay:1002,08:15:00,08:15:00,1\n"),
        ];
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return zip.ToArray();
    }
}
