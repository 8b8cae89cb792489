using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// Alerts on real parts: rules from app settings, evaluated by the real worker after the aggregate stage and after
/// ingest runs, incidents in table <c>alerts</c>, and deliveries on queue <c>alerts-out</c> posted, signed, to a real
/// webhook endpoint. The signature is checked here with its own HMAC, not with the code that made it.
/// </summary>
public sealed class AlertsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Secret = "tests-webhook-secret-7f3a";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    // The clock is pinned: the replay server answers for this run time and the timer carries it, so the data (and the
    // incident start derived from it) do not depend on when the test runs.
    private static readonly DateTimeOffset RunTime = new(2026, 11, 21, 6, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_kpi_threshold_rule_fires_once_after_aggregation_with_one_signed_delivery_and_a_replay_opens_nothing_new()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(200, ct);
        var settings = new Dictionary<string, string?>
        {
            // November in Oslo: the apparent temperature stays far below 9 °C, so the comfort factor stays below 1.
            ["Alerts:Rules:0:Name"] = "oslo-cold",
            ["Alerts:Rules:0:Kind"] = "KpiThreshold",
            ["Alerts:Rules:0:Kpi"] = "thermal_comfort",
            ["Alerts:Rules:0:City"] = "oslo",
            ["Alerts:Rules:0:Grain"] = "hour",
            ["Alerts:Rules:0:Below"] = "1",
            ["Alerts:Rules:0:Consecutive"] = "3",
            ["Alerts:WebhookUrl"] = receiver.Url.ToString(),
            ["Alerts:WebhookSecret"] = Secret,
        };
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
            handlerSettings: settings, replayTime: new FakeTimeProvider(RunTime));
        await ClearAsync(app, ct);
        var log = app.Invocations;

        var ingest = await app.FireTimerAsync("IngestWeather", RunTime, ct);
        Assert.True(ingest.Succeeded, ingest.Error);
        await log.WaitForAsync(r => r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) >= 3 && r.Any(x => x.FunctionName == "DeliverAlert" && x.Succeeded),
            Deadline, "the three cities to be aggregated and the alert to be delivered");
        Assert.DoesNotContain(log.Snapshot(), r => !r.Succeeded);

        // Exactly one delivery, signed over "{timestamp}.{body}" with the shared secret.
        var delivery = Assert.Single(receiver.Requests);
        Assert.Equal("POST", delivery.Method);
        Assert.Equal("/hooks/tributary", delivery.Path);
        Assert.StartsWith("application/json", delivery.ContentType);
        var timestamp = delivery.Headers["x-tributary-timestamp"];
        Assert.True(long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _), timestamp);
        Assert.Equal(ExpectedSignature(timestamp, delivery.Body), delivery.Headers["x-tributary-signature"]);
        Assert.NotEqual(ExpectedSignature(timestamp, delivery.Body + " "), delivery.Headers["x-tributary-signature"]);
        Assert.DoesNotContain(Secret, delivery.Body + string.Join(";", delivery.Headers.Values));
        using var body = JsonDocument.Parse(delivery.Body);
        var hook = body.RootElement;
        Assert.Equal(("opened", "oslo-cold", "KpiThreshold", "oslo", "open"),
            (hook.GetProperty("event").GetString(), hook.GetProperty("rule").GetString(), hook.GetProperty("kind").GetString(),
             hook.GetProperty("subject").GetString(), hook.GetProperty("state").GetString()));
        Assert.Contains("thermal_comfort (oslo, hour) below 1", hook.GetProperty("detail").GetString());

        // The incident starts at the first hour of the run of sub-1 comfort factors that ends at the newest hour, as
        // worked out here from the KPI API itself.
        using var http = app.Client();
        var series = await http.GetFromJsonAsync<JsonElement>(
            $"api/kpis?metric=thermal_comfort&city=oslo&from={RunTime.UtcDateTime.Date.AddDays(-2):yyyy-MM-dd}&to={RunTime.UtcDateTime.Date.AddDays(3):yyyy-MM-dd}", ct);
        var points = series.GetProperty("series")[0].GetProperty("points").EnumerateArray()
            .Where(p => p.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(p => (T: p.GetProperty("t").GetDateTimeOffset(), V: p.GetProperty("value").GetDouble())).OrderBy(p => p.T).ToList();
        var start = points.Count - 1;
        while (start > 0 && points[start - 1].V < 1 && points[start - 1].T.AddHours(1) == points[start].T) start--;
        Assert.True(points[^1].V < 1 && points.Count - start >= 3, "the data should breach the rule");
        Assert.Equal(points[start].T, hook.GetProperty("incidentStartUtc").GetDateTimeOffset());

        // The public list shows it, open; nothing is resolved; bad parameters are problems naming them.
        var open = await http.GetFromJsonAsync<JsonElement>("api/v1/alerts", ct);
        var alert = Assert.Single(open.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("oslo-cold", "open", "delivered"), (alert.GetProperty("rule").GetString(), alert.GetProperty("state").GetString(), alert.GetProperty("delivery").GetString()));
        Assert.Equal(points[start].T, alert.GetProperty("sinceUtc").GetDateTimeOffset());
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("api/v1/alerts?state=resolved", ct)).GetProperty("alerts").EnumerateArray());
        Assert.Single((await http.GetFromJsonAsync<JsonElement>("api/v1/alerts?state=all&limit=5", ct)).GetProperty("alerts").EnumerateArray());
        await AssertProblemAsync(http, "api/v1/alerts?state=opened", HttpStatusCode.BadRequest, "state");
        await AssertProblemAsync(http, "api/v1/alerts?limit=0", HttpStatusCode.BadRequest, "limit");
        await AssertProblemAsync(http, "api/v1/alerts?source=x%27%20or%20PartitionKey%20ne%20%27", HttpStatusCode.NotFound, "source");

        // The rules are an admin read: a key is needed, and the secret never appears.
        using (var anonymous = await http.GetAsync("api/v1/admin/alerts/rules", ct)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var admin = app.Client(PipelineHarness.MasterKey);
        var rulesText = await admin.GetStringAsync("api/v1/admin/alerts/rules", ct);
        Assert.DoesNotContain(Secret, rulesText);
        Assert.DoesNotContain("/hooks/tributary", rulesText);
        var rules = JsonDocument.Parse(rulesText).RootElement;
        Assert.Equal("oslo-cold", Assert.Single(rules.GetProperty("rules").EnumerateArray()).GetProperty("name").GetString());

        // The same aggregations again (the same invocations, replayed) find the ongoing incident: no second incident,
        // no second delivery, no row rewritten.
        var before = await TableSnapshot.TakeAsync(app.Storage, StorageNames.AlertsTable);
        Assert.Equal(2, before.Count); // the incident and its open marker
        var deliveries = log.Snapshot().Count(r => r.FunctionName == "DeliverAlert");
        foreach (var aggregate in log.Snapshot().Where(r => r.FunctionName == "Aggregate").ToList())
        {
            var again = await app.ReplayAsync(aggregate, ct);
            Assert.True(again.Succeeded, again.Error);
        }
        Assert.Equal(before, await TableSnapshot.TakeAsync(app.Storage, StorageNames.AlertsTable));
        Assert.Null((await app.Storage.Queue("alerts-out").PeekMessageAsync(ct)).Value);
        Assert.Equal(deliveries, log.Snapshot().Count(r => r.FunctionName == "DeliverAlert"));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_failed_run_opens_an_incident_and_a_failing_webhook_is_retried_then_poisoned()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(500, ct);
        await using var vendor = await UnreachableVendor.StartAsync(ct);
        var settings = new Dictionary<string, string?>
        {
            ["Sources:OpenMeteo:BaseUrl"] = vendor.BaseUrl.ToString(),
            ["Sources:OpenMeteo:Resilience:BaseDelaySeconds"] = "0.02",
            ["Alerts:Rules:0:Name"] = "weather-run-failed",
            ["Alerts:Rules:0:Kind"] = "RunFailed",
            ["Alerts:Rules:0:Source"] = "open-meteo",
            ["Alerts:WebhookUrl"] = receiver.Url.ToString(),
            ["Alerts:WebhookSecret"] = Secret,
        };
        // A one-second visibility timeout, so the five dequeues of the failing delivery follow each other quickly.
        var host = new Dictionary<string, string?> { ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01" };
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, hostSettings: host, cancellationToken: ct,
            handlerSettings: settings);
        await ClearAsync(app, ct);
        var log = app.Invocations;

        var ingest = await app.FireTimerAsync("IngestWeather", RunTime, ct);
        Assert.False(ingest.Succeeded);
        Assert.NotEmpty(vendor.Requests);

        // The delivery fails five times (the host's maxDequeueCount) and then waits in the poison queue.
        var poison = app.Storage.Queue("alerts-out-poison");
        var deadline = DateTime.UtcNow + Deadline;
        while ((await poison.ExistsAsync(ct)).Value is false || (await poison.PeekMessageAsync(ct)).Value is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the failing delivery should end in alerts-out-poison");
            await Task.Delay(200, ct);
        }
        var failures = log.Snapshot().Where(r => r.FunctionName == "DeliverAlert").ToList();
        Assert.Equal(5, failures.Count);
        Assert.All(failures, f => Assert.False(f.Succeeded));
        // Each invocation tried the endpoint through the resilient client (a first attempt and its retries), each signed.
        Assert.True(receiver.Requests.Count >= 5, $"{receiver.Requests.Count} requests");
        Assert.All(receiver.Requests, r => Assert.Equal(ExpectedSignature(r.Headers["x-tributary-timestamp"], r.Body), r.Headers["x-tributary-signature"]));
        Assert.Single(receiver.Requests.Select(r => r.Headers["x-tributary-delivery"]).Distinct());

        // The incident is open, says why, and records the failed delivery.
        using var http = app.Client();
        var open = await http.GetFromJsonAsync<JsonElement>("api/v1/alerts?state=open&source=open-meteo", ct);
        var alert = Assert.Single(open.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("weather-run-failed", "RunFailed", "open-meteo", "open-meteo"),
            (alert.GetProperty("rule").GetString(), alert.GetProperty("kind").GetString(), alert.GetProperty("subject").GetString(), alert.GetProperty("source").GetString()));
        Assert.Equal(RunTime, alert.GetProperty("sinceUtc").GetDateTimeOffset());
        Assert.Contains("Failed", alert.GetProperty("detail").GetString());
        Assert.StartsWith("failed: the webhook answered 500", alert.GetProperty("delivery").GetString());
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("api/v1/alerts?source=entur-jp", ct)).GetProperty("alerts").EnumerateArray());

        // The same failed run again (the timer invocation replayed) is the same incident: nothing new is opened or queued.
        var before = await TableSnapshot.TakeAsync(app.Storage, StorageNames.AlertsTable);
        var replayed = await app.ReplayAsync(ingest, ct);
        Assert.False(replayed.Succeeded);
        Assert.Equal(before, await TableSnapshot.TakeAsync(app.Storage, StorageNames.AlertsTable));
        Assert.Null((await app.Storage.Queue("alerts-out").PeekMessageAsync(ct)).Value);
    }

    private static string ExpectedSignature(string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static async Task AssertProblemAsync(HttpClient http, string url, HttpStatusCode status, string parameter)
    {
        using var response = await http.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    /// <summary>The class shares one Azurite: each test starts from empty alert tables and queues.</summary>
    private static async Task ClearAsync(PipelineHarness app, CancellationToken ct)
    {
        var table = app.Storage.Table(StorageNames.AlertsTable);
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct)) await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: ct);
        foreach (var queue in new[] { "alerts-out", "alerts-out-poison" })
        {
            if ((await app.Storage.Queue(queue).ExistsAsync(ct)).Value) await app.Storage.Queue(queue).ClearMessagesAsync(ct);
        }
    }
}
