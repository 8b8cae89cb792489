using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.Connectors;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Connectors;

/// <summary>The manifest connector against a real HTTP vendor and a real Azurite: paging, caps, retries, auth and secrecy.</summary>
public sealed class ManifestConnectorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset RunTime = new(2026, 11, 22, 10, 5, 0, TimeSpan.Zero);

    public static TheoryData<string, string, (string, string)[], string[]> PagingStyles => new()
    {
        { "page-number", "/page", [("Paging:Kind", "PageNumber"), ("Paging:SizeParameter", "limit"), ("Paging:PageSize", "3"), ("Paging:ItemsPath", "results")],
            ["GET /page?page=1&limit=3", "GET /page?page=2&limit=3", "GET /page?page=3&limit=3"] },
        { "offset", "/offset", [("Paging:Kind", "Offset"), ("Paging:SizeParameter", "limit"), ("Paging:PageSize", "3"), ("Paging:ItemsPath", "items")],
            ["GET /offset?offset=0&limit=3", "GET /offset?offset=3&limit=3", "GET /offset?offset=6&limit=3"] },
        { "cursor", "/cursor", [("Paging:Kind", "Cursor"), ("Paging:CursorPath", "meta.next_cursor"), ("Paging:CursorParameter", "cursor")],
            ["GET /cursor", "GET /cursor?cursor=3", "GET /cursor?cursor=6"] },
        { "link", "/link", [("Paging:Kind", "LinkHeader")], ["GET /link", "GET /link?p=2", "GET /link?p=3"] },
        { "next-url", "/next", [("Paging:Kind", "NextUrl"), ("Paging:NextUrlPath", "next")], ["GET /next", "GET /next?p=2", "GET /next?p=3"] },
        { "graphql", "/graphql", [("Request:Kind", "GraphQL"), ("Request:GraphQLQuery", "query($after:String){items(after:$after){nodes pageInfo{hasNextPage endCursor}}}"),
            ("Paging:Kind", "GraphQLPageInfo"), ("Paging:PageInfoPath", "data.items.pageInfo"), ("Paging:CursorParameter", "after")],
            ["POST /graphql", "POST /graphql", "POST /graphql"] },
    };

    [Theory]
    [MemberData(nameof(PagingStyles))]
    public async Task Every_paging_style_fetches_all_records_and_stops_at_the_last_page(string id, string path, (string, string)[] paging, string[] expectedRequests)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, ConnectorHarness.Manifest("Test", id, vendor.BaseUrl, path, paging), id);
        var connector = services.GetRequiredService<SourceRegistry>().Connector(id);

        var pages = new List<RawPage>();
        await foreach (var page in connector.FetchAsync(new Tributary.Sources.SourceRun(RunTime), new FetchStats(), ct)) pages.Add(page);

        Assert.Equal(expectedRequests, vendor.Requests);
        Assert.Equal(["all", "all.p2", "all.p3"], pages.Select(p => p.PageKey));
        var records = pages.SelectMany(p => AllNumbers(JsonDocument.Parse(p.Content).RootElement)).Distinct().Order();
        Assert.Equal(Enumerable.Range(0, TestVendor.Records), records.Where(n => n < TestVendor.Records));
    }

    [Fact]
    public async Task A_vendor_that_never_stops_paging_is_cut_at_the_page_cap()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, ConnectorHarness.Manifest("Forever", "forever", vendor.BaseUrl, "/forever",
            ("Paging:Kind", "PageNumber"), ("Paging:PageSize", "2"), ("Paging:ItemsPath", "results"), ("Paging:MaxPages", "4")), "forever");
        var pages = new List<RawPage>();
        await foreach (var page in services.GetRequiredService<SourceRegistry>().Connector("forever").FetchAsync(new Tributary.Sources.SourceRun(RunTime), new FetchStats(), ct)) pages.Add(page);
        Assert.Equal(4, pages.Count);
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_every_attempt_spends_the_budget()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        vendor.FailNext.Enqueue(503);
        vendor.FailNext.Enqueue(500);
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, ConnectorHarness.Manifest("Flaky", "flaky", vendor.BaseUrl, "/cursor",
            ("Paging:Kind", "Cursor"), ("Paging:CursorPath", "meta.next_cursor")), "flaky");
        var stats = new FetchStats();
        var pages = 0;
        await foreach (var _ in services.GetRequiredService<SourceRegistry>().Connector("flaky").FetchAsync(new Tributary.Sources.SourceRun(RunTime), stats, ct)) pages++;
        Assert.Equal(3, pages);
        Assert.Equal(5, stats.Requests); // 3 pages, the first after two failed attempts.
        Assert.Equal(5, vendor.Requests.Count);
    }

    [Fact]
    public async Task A_run_longer_than_HttpClients_100_second_default_succeeds_because_the_resilience_pipeline_owns_the_timeouts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        vendor.RetryAfterSeconds = 50;
        for (var i = 0; i < 3; i++) vendor.FailNext.Enqueue(429);
        var time = new FakeTimeProvider(RunTime);
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, ConnectorHarness.Manifest("Slow", "slow", vendor.BaseUrl, "/cursor",
            ("Paging:Kind", "Cursor"), ("Paging:CursorPath", "meta.next_cursor"),
            // Long attempt timeouts, so advancing the fake clock while a real request is in flight cannot cut it.
            ("Resilience:AttemptTimeoutSeconds", "600"), ("Resilience:TotalTimeoutSeconds", "900")), time, "slow");
        Assert.Equal(Timeout.InfiniteTimeSpan, services.GetRequiredService<IHttpClientFactory>().CreateClient(ManifestConnector.HttpClientName("slow")).Timeout);

        // The first page's send waits out three Retry-After: 50 s answers, 150 s in all, inside one HttpClient call.
        var fetch = Task.Run(async () =>
        {
            var pages = 0;
            await foreach (var _ in services.GetRequiredService<SourceRegistry>().Connector("slow").FetchAsync(new Tributary.Sources.SourceRun(RunTime), new FetchStats(), ct)) pages++;
            return pages;
        }, ct);
        while (!fetch.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(fetch, Task.Delay(5, ct));
        }
        Assert.Equal(3, await fetch);
        Assert.Equal(6, vendor.Requests.Count);
        Assert.True(time.GetUtcNow() - RunTime >= TimeSpan.FromSeconds(150), $"the run took {time.GetUtcNow() - RunTime} of fake time");
    }

    [Fact]
    public async Task A_run_with_a_refused_key_is_recorded_as_failed_and_no_secret_is_written_anywhere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        const string wrongKey = "wrong-key-that-must-never-be-stored-7f3a";
        var settings = ConnectorHarness.Manifest("Keyed", "keyed", vendor.BaseUrl, "/page",
            ("Auth:Kind", "ApiKeyQuery"), ("Auth:Name", "api_key"), ("Paging:Kind", "PageNumber"), ("Paging:SizeParameter", "limit"), ("Paging:PageSize", "3"), ("Paging:ItemsPath", "results"));
        settings["Secrets:test-vendor-key"] = wrongKey;
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, settings, "keyed");
        var ingestion = services.GetRequiredService<IngestionService>();

        var failure = await Assert.ThrowsAsync<IngestRunFailedException>(() =>
            ingestion.IngestAsync(services.GetRequiredService<SourceRegistry>().Connector("keyed"), RunTime, ct));
        Assert.Equal(IngestionService.Failed, failure.Record.Outcome);
        Assert.Contains("GET /page for 'all' answered 401", failure.Message);
        Assert.DoesNotContain(wrongKey, failure.ToString());
        Assert.Contains($"api_key={wrongKey}", vendor.Requests.Single()); // It was sent, in the query ...

        var storage = services.GetRequiredService<StorageAccount>();
        await foreach (var table in storage.Tables.QueryAsync(cancellationToken: ct))
        {
            await foreach (var row in storage.Table(table.Name).QueryAsync<TableEntity>(cancellationToken: ct))
            {
                Assert.DoesNotContain(wrongKey, string.Join("|", row.Select(p => p.Value))); // ... but never stored.
            }
        }
    }

    [Fact]
    public async Task Pages_of_a_keyed_source_land_without_the_key_and_the_run_record_counts_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, ConnectorHarness.Manifest("Landed", "landed", vendor.BaseUrl, "/link",
            ("Paging:Kind", "LinkHeader")), "landed");
        var record = await services.GetRequiredService<IngestionService>().IngestAsync(services.GetRequiredService<SourceRegistry>().Connector("landed"), RunTime, ct);
        Assert.Equal((IngestionService.Succeeded, 3, 3), (record.Outcome, record.Pages, record.Requests));
        var raw = services.GetRequiredService<StorageAccount>().Container(StorageNames.RawContainer);
        var names = new List<string>();
        await foreach (var blob in raw.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "landed/" }, ct))
        {
            names.Add(blob.Name);
            var content = (await raw.GetBlobClient(blob.Name).DownloadContentAsync(ct)).Value.Content.ToString();
            Assert.DoesNotContain(TestVendor.ApiKey, content);
        }
        Assert.Equal(["landed/2026/11/22/20261122T1005Z/all.json", "landed/2026/11/22/20261122T1005Z/all.p2.json", "landed/2026/11/22/20261122T1005Z/all.p3.json"], names);
    }

    private static IEnumerable<int> AllNumbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetInt32()],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllNumbers),
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name is not "pageInfo" and not "meta").SelectMany(p => AllNumbers(p.Value)),
        _ => [],
    };
}
