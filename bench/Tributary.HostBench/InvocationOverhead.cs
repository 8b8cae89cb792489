using System.Diagnostics;
using System.Text.Json;
using Tributary.Curation;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.HostBench;

/// <summary>
/// What the local host adds per invocation, on functions that do (almost) nothing so the host's share shows:
/// a timer of a disabled source (the function returns at once), a queue message for the aggregate stage with no
/// days, and <c>GET /api/catalog</c> through the host's proxy (an HTTP forward plus the gRPC invocation beside it).
/// </summary>
public static class InvocationOverhead
{
    public static async Task<IReadOnlyList<(string Name, Stats Stats)>> RunAsync(AzuriteProcess azurite, int calls)
    {
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false,
            handlerSettings: new Dictionary<string, string?> { ["Sources:EnturPartner:Enabled"] = "false" });
        var results = new List<(string, Stats)>();
        var now = DateTimeOffset.UtcNow;

        // Warm up every path once (JIT in both processes, first connections).
        await app.FireTimerAsync("IngestPartnerDepartures", now);
        using var http = app.Client();
        (await http.GetAsync("api/catalog")).EnsureSuccessStatusCode();

        var timer = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            var record = await app.FireTimerAsync("IngestPartnerDepartures", now);
            if (!record.Succeeded) throw new InvalidOperationException(record.Error);
            timer.Add(clock.Elapsed.TotalMilliseconds);
        }
        results.Add(("timer invocation (gRPC round trip)", Stats.Of(timer)));

        var queue = app.Storage.Queue(StorageNames.AggregateQueue);
        var body = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new AggregateMessage("oslo", [])));
        var endToEnd = new List<double>();
        var invocation = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var before = app.Invocations.Snapshot().Count(r => r.FunctionName == "Aggregate");
            var clock = Stopwatch.StartNew();
            await queue.SendMessageAsync(body);
            var records = await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Aggregate") > before, TimeSpan.FromSeconds(30), "the aggregate invocation");
            endToEnd.Add(clock.Elapsed.TotalMilliseconds);
            invocation.Add(records.Last(r => r.FunctionName == "Aggregate").Duration.TotalMilliseconds);
        }
        results.Add(("queue invocation (gRPC round trip)", Stats.Of(invocation)));
        results.Add(("queue message sent -> invocation done", Stats.Of(endToEnd)));

        var proxied = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("api/catalog");
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            proxied.Add(clock.Elapsed.TotalMilliseconds);
        }
        results.Add(("HTTP GET /api/catalog through the host", Stats.Of(proxied)));

        return results;
    }
}
