using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Tributary.LocalHost.Invocations;
using Microsoft.Extensions.DependencyInjection;
using Tributary.LocalHost.Rpc;
using Tributary.LocalHost.Worker;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Functions;

/// <summary>
/// The local host against the real worker process, over the Functions host protocol: what the worker indexes
/// loads, each trigger's invocation carries the host's TypedData kinds and metadata, worker logs reach the host,
/// and a worker killed mid-invocation is restarted while its queue message is processed again, with one effect.
/// </summary>
public sealed class WorkerProtocolTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TypedData.DataOneofCase[] KindsTheWorkerCannotBind =
        [TypedData.DataOneofCase.Int, TypedData.DataOneofCase.Double, TypedData.DataOneofCase.Stream];

    [Fact]
    public async Task Every_function_in_the_metadata_loads_and_the_worker_reports_the_hosts_capabilities()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        var state = await app.Worker.ReadyAsync(ct);

        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(FunctionAppBuild.File("functions.metadata"), ct));
        var declared = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(declared, state.Functions.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Empty(state.LoadFailures);
        Assert.Contains("IngestWeather", declared);
        Assert.Contains("Curate", declared);
        Assert.Contains("Kpis", declared);
        Assert.Equal("True", state.Capabilities["HandlesWorkerTerminateMessage"]);
        Assert.StartsWith("http://localhost:", state.Capabilities["HttpUri"]);
    }

    [Fact]
    public async Task Timer_queue_and_http_invocations_carry_the_hosts_typed_data_and_worker_logs_reach_the_host()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturedLogs();
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct, logs: logs);

        // The host's admin API runs the timer now; its pages reach Curate through the queue.
        using var admin = app.Client(PipelineHarness.MasterKey);
        using var started = await admin.PostAsync("admin/functions/IngestWeather", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var anonymous = app.Client();
        using var catalog = await anonymous.GetAsync("api/catalog?verbose=1", ct);
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        var records = await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Curate" && x.Succeeded) >= 3, TimeSpan.FromSeconds(90), "three curated pages");

        var timer = records.Single(r => r.FunctionName == "IngestWeather");
        Assert.True(timer.Succeeded, timer.Error);
        var timerInput = Assert.Single(timer.Request.InputData);
        Assert.Equal(("timer", TypedData.DataOneofCase.Json), (timerInput.Name, timerInput.Data.DataCase));
        using (var info = JsonDocument.Parse(timerInput.Data.Json)) Assert.False(info.RootElement.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(TypedData.DataOneofCase.String, timer.Request.TriggerMetadata["TimerTrigger"].DataCase);

        var curate = records.First(r => r.FunctionName == "Curate" && r.Succeeded);
        var message = Assert.Single(curate.Request.InputData);
        Assert.Equal(("message", TypedData.DataOneofCase.String), (message.Name, message.Data.DataCase));
        using (var body = JsonDocument.Parse(message.Data.String)) Assert.Equal("open-meteo", body.RootElement.GetProperty("source").GetString());
        Assert.Equal("1", curate.Request.TriggerMetadata["DequeueCount"].Json);
        Assert.Equal(TypedData.DataOneofCase.String, curate.Request.TriggerMetadata["Id"].DataCase);
        Assert.Equal(TypedData.DataOneofCase.String, curate.Request.TriggerMetadata["PopReceipt"].DataCase);
        Assert.StartsWith("\"", curate.Request.TriggerMetadata["InsertionTime"].Json);
        Assert.Equal(message.Data.String, curate.Request.TriggerMetadata["QueueTrigger"].String);

        var http = records.Single(r => r.FunctionName == "Catalog");
        Assert.True(http.Succeeded, http.Error);
        Assert.Equal(new RpcHttp(), Assert.Single(http.Request.InputData).Data.Http);
        Assert.Equal("1", http.Request.TriggerMetadata["verbose"].String);
        Assert.Equal(TypedData.DataOneofCase.Json, http.Request.TriggerMetadata["Headers"].DataCase);

        Assert.All(records, r => Assert.NotEmpty(r.Request.TraceContext.TraceParent));
        Assert.DoesNotContain(records.SelectMany(r => r.Request.TriggerMetadata.Values.Concat(r.Request.InputData.Select(i => i.Data))),
            data => KindsTheWorkerCannotBind.Contains(data.DataCase));
        // The worker's own ILogger lines arrive as RpcLog and are written under their category.
        Assert.Contains(logs.Lines, l => l.Contains("Tributary.Functions.Queues.CurateFunction: ", StringComparison.Ordinal) && l.Contains("Curated open-meteo/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_http_function_that_throws_answers_a_problem_500_not_the_workers_empty_200()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        // Without its table the KPI query throws inside the function (Table Storage answers 404 TableNotFound).
        await app.Storage.Table(StorageNames.KpisTable).DeleteAsync(ct);
        try
        {
            using var http = app.Client();
            using var response = await http.GetAsync("api/kpis?city=oslo", ct);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var record = app.Invocations.Snapshot().Single(r => r.FunctionName == "Kpis");
            Assert.False(record.Succeeded);
            Assert.Equal("Azure.RequestFailedException", record.ExceptionType);
            Assert.Contains(record.InvocationId, await response.Content.ReadAsStringAsync(ct));
        }
        finally
        {
            // The fixture's Azurite is shared by this class's tests.
            await app.Storage.Table(StorageNames.KpisTable).CreateIfNotExistsAsync(ct);
        }
    }

    [Fact]
    public async Task Keyed_routes_are_closed_without_the_key_and_open_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        const string route = "api/admin/backfill/open-meteo?from=2026-11-01&to=2026-11-02";
        using var anonymous = app.Client();
        using var wrong = app.Client("not-the-key");
        using var admin = app.Client(PipelineHarness.MasterKey);

        using var withoutKey = await anonymous.GetAsync(route, ct);
        using var withWrongKey = await wrong.GetAsync(route, ct);
        using var withKey = await admin.GetAsync(route, ct);
        using var inQuery = await anonymous.GetAsync($"{route}&code={PipelineHarness.MasterKey}", ct);
        using var adminApi = await anonymous.PostAsync("admin/functions/IngestWeather", null, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal("application/problem+json", withoutKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, adminApi.StatusCode);
        // Admin operations are anonymous to the host: every request is an invocation, and the worker's admin gate
        // refuses the two without the key before the function runs.
        Assert.Equal(4, app.Invocations.Snapshot().Count(r => r.FunctionName == "GetBackfill"));
    }

    [Fact]
    public async Task A_killed_worker_is_restarted_and_its_in_flight_message_is_processed_again_with_one_effect()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturedLogs();
        // The class shares one Azurite: an earlier test's harness may have stopped with messages received and
        // still invisible. This test counts what is left in the queues, so it starts from empty ones.
        foreach (var queue in new[] { StorageNames.CurateQueue, StorageNames.AggregateQueue })
        {
            var client = azurite.Storage().Queue(queue);
            await client.CreateIfNotExistsAsync(cancellationToken: ct);
            await client.ClearMessagesAsync(ct);
        }
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct, logs: logs,
            hostSettings: new Dictionary<string, string?> { ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01" });
        var day = DateTime.UtcNow.Date.AddDays(-20);
        var firstWorker = (await app.Worker.ReadyAsync(ct)).Process.ProcessId;

        using var admin = app.Client(PipelineHarness.MasterKey);
        (await admin.PostAsync($"api/admin/backfill/open-meteo?from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}", null, ct)).EnsureSuccessStatusCode();
        // Kill the worker while the chunk's invocation is in flight (it fetches and lands three pages).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var running = app.Host.Services.GetRequiredService<InvocationNames>();
        while (running.Running("Backfill") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the backfill chunk never started");
            await Task.Delay(5, ct);
        }
        Process.GetProcessById(firstWorker).Kill();

        var records = await app.Invocations.WaitForAsync(r => r.Any(x => x.FunctionName == "Backfill" && x.Succeeded) &&
            r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) >= 3, TimeSpan.FromSeconds(120), "the chunk to succeed after the restart");
        var attempts = records.Where(r => r.FunctionName == "Backfill").ToList();
        Assert.False(attempts[0].Succeeded);
        Assert.Contains("worker stopped", attempts[0].Error);
        Assert.Equal("2", attempts.First(a => a.Succeeded).Request.TriggerMetadata["DequeueCount"].Json);
        Assert.NotEqual(firstWorker, (await app.Worker.ReadyAsync(ct)).Process.ProcessId);
        Assert.Equal(2, app.Worker.Starts);
        Assert.Contains(logs.Lines, l => l.Contains("restarting the worker", StringComparison.Ordinal));

        // One effect: the run recorded once with its three pages, three raw blobs (the attempt the kill cut short
        // landed nothing twice), and sending the same chunk again changes no table.
        var runId = $"{day:yyyyMMdd}T0000Z.backfill";
        var run = await app.Runs.GetAsync("open-meteo", runId, ct);
        Assert.NotNull(run);
        Assert.Equal((Tributary.Landing.IngestionService.Succeeded, 3), (run.Outcome, run.Pages));
        var blobs = new List<string>();
        await foreach (var blob in app.Storage.Container(StorageNames.RawContainer).GetBlobsAsync(
            new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"open-meteo/{day:yyyy/MM/dd}/{runId}/" }, ct)) blobs.Add(blob.Name);
        Assert.Equal(3, blobs.Count);
        // The attempt the kill cut short may have queued pages too: let every curate and aggregate message settle
        // before the snapshot, or a late aggregation would land between it and the replay's.
        var drainedBy = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var pending = 0;
            foreach (var queue in new[] { StorageNames.CurateQueue, StorageNames.AggregateQueue })
            {
                pending += (await app.Storage.Queue(queue).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            }
            if (pending == 0 && running.Running("Curate") == 0 && running.Running("Aggregate") == 0) break;
            Assert.True(DateTime.UtcNow < drainedBy, $"the curate and aggregate queues never drained ({pending} messages left); host log:\n" +
                string.Join("\n", logs.Lines.Where(l => l.Contains("Curate", StringComparison.Ordinal) || l.Contains("Aggregate", StringComparison.Ordinal) || l.Contains("queue", StringComparison.OrdinalIgnoreCase)).TakeLast(60)));
            await Task.Delay(50, ct);
        }
        string[] tables = [StorageNames.RunsTable, StorageNames.ObservationsTable, StorageNames.KpisTable];
        var before = await Task.WhenAll(tables.Select(t => TableSnapshot.TakeAsync(app.Storage, t)));
        var replay = await app.ReplayAsync(attempts.First(a => a.Succeeded), ct);
        Assert.True(replay.Succeeded, replay.Error);
        await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Curate" && x.Succeeded) >= 6, TimeSpan.FromSeconds(60), "the replayed pages' curation");
        await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) >= 6, TimeSpan.FromSeconds(60), "the replayed aggregation");
        var after = await Task.WhenAll(tables.Select(t => TableSnapshot.TakeAsync(app.Storage, t)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task An_invocation_past_functionTimeout_fails_and_the_worker_is_restarted()
    {
        var ct = TestContext.Current.CancellationToken;
        // Each OpenAQ page takes 5 s and the host allows a function 2 s.
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
            hostSettings: new Dictionary<string, string?> { ["AzureFunctionsJobHost__functionTimeout"] = "00:00:02" },
            replaySettings: ["--Replay:OpenAq:SlowResponseSeconds=5"]);
        using (var replay = new HttpClient { BaseAddress = app.ReplayAddress })
        {
            (await replay.PostAsync("_replay/faults/openaq?mode=slow", null, ct)).EnsureSuccessStatusCode();
        }
        var first = (await app.Worker.ReadyAsync(ct)).Process.ProcessId;

        var record = await app.FireTimerAsync("IngestAirQuality", DateTimeOffset.UtcNow, ct);

        Assert.False(record.Succeeded);
        Assert.Contains("Timed out after functionTimeout 00:00:02", record.Error);
        Assert.InRange(record.Duration, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.5));
        var next = await app.Worker.ReadyAsync(ct);
        Assert.NotEqual(first, next.Process.ProcessId);
        // The new worker serves as before.
        using var http = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/catalog", ct)).StatusCode);
    }

    [Fact]
    public async Task Stopping_the_host_terminates_the_worker_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturedLogs();
        var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct, logs: logs);
        var worker = Process.GetProcessById((await app.Worker.ReadyAsync(ct)).Process.ProcessId);

        await app.DisposeAsync();

        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Contains(logs.Lines, l => l.Contains("stopped after WorkerTerminate", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("did not stop within the grace period", StringComparison.Ordinal));
    }
}
