using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Rpc;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Triggers;
using Tributary.Testing;

namespace Tributary.Tests.LocalHost;

/// <summary>
/// The local host's timer rules against a fake clock, with the schedule monitor blob in a real Azurite and a
/// recording invoker standing in for the worker (the timer is under test, not the worker).
/// </summary>
public sealed class TimerTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InvocationLog _log = new();
    private RecordingInvoker _invoker = null!;
    private string _hostId = "";

    public ValueTask InitializeAsync()
    {
        _invoker = new RecordingInvoker(_log);
        _hostId = $"timer-tests-{Guid.NewGuid():N}"[..30];
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Stands in for the worker (the timer is under test): every invocation succeeds and is recorded.</summary>
    private sealed class RecordingInvoker(InvocationLog log) : IFunctionInvoker
    {
        public Task<InvocationRecord> InvokeAsync(string functionName, IEnumerable<ParameterBinding> inputs,
            IEnumerable<KeyValuePair<string, TypedData>> triggerMetadata, CancellationToken cancellationToken, string? invocationId = null)
        {
            var request = new InvocationRequest { InvocationId = invocationId ?? Guid.NewGuid().ToString() };
            request.InputData.AddRange(inputs);
            foreach (var (key, value) in triggerMetadata) request.TriggerMetadata[key] = value;
            var record = new InvocationRecord(request.InvocationId, functionName, request, true, null, TimeSpan.Zero, null);
            log.Add(record);
            return Task.FromResult(record);
        }
    }

    private (TimerTrigger Timer, ScheduleMonitor Monitor) Timer(string schedule, bool runOnStartup = false)
    {
        var trigger = new JsonObject
        {
            ["type"] = "timerTrigger", ["name"] = "timer", ["schedule"] = "%TickSchedule%", ["runOnStartup"] = runOnStartup,
        };
        var function = new FunctionMetadata("Tick", "1", new RpcFunctionMetadata { Name = "Tick" }, trigger, [trigger]);
        var settings = new AppSettings(new Dictionary<string, string> { ["TickSchedule"] = schedule });
        var monitor = new ScheduleMonitor(new BlobServiceClient(azurite.ConnectionString), _hostId, NullLogger.Instance);
        return (new TimerTrigger(function, settings, forceRunOnStartup: false, monitor, _invoker, _time, NullLogger.Instance), monitor);
    }

    private static async Task<ScheduleStatus> WaitForStatusAsync(ScheduleMonitor monitor, Func<ScheduleStatus, bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await monitor.GetAsync("Tick", ct) is { } status && condition(status)) return status;
            Assert.True(DateTime.UtcNow < deadline, "the timer status blob did not reach the expected state within 10 s");
            await Task.Yield();
        }
    }

    private static JsonNode TimerData(InvocationRecord record) => JsonNode.Parse(record.Request.InputData.Single(i => i.Name == "timer").Data.Json)!;

    [Fact]
    public async Task A_missed_occurrence_runs_once_at_start_as_past_due_then_the_schedule_goes_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var (timer, monitor) = Timer("0 0 * * * *");
        // The status says the 08:00 run happened and 09:00 was next: 09:00 and 10:00 were missed while the host was down.
        await monitor.SetAsync("Tick", new ScheduleStatus(Start.AddHours(-2.5), Start.AddHours(-1.5), Start.AddHours(-2.5)), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = timer.RunAsync(stop.Token);

        var first = (await _log.WaitForAsync(r => r.Count == 1, TimeSpan.FromSeconds(10), "the past-due run"))[0];
        Assert.True(TimerData(first)["IsPastDue"]!.GetValue<bool>());
        Assert.Equal("2026-11-22T09:00:00+00:00", TimerData(first)["ScheduleStatus"]!["Next"]!.ToString());
        var status = await WaitForStatusAsync(monitor, s => s.Last == Start, ct);
        Assert.Equal(Start.AddMinutes(30), status.Next);

        _time.Advance(TimeSpan.FromMinutes(30)); // 11:00
        var second = (await _log.WaitForAsync(r => r.Count == 2, TimeSpan.FromSeconds(10), "the 11:00 run"))[1];
        Assert.False(TimerData(second)["IsPastDue"]!.GetValue<bool>());
        Assert.Equal(2, _log.Snapshot().Count); // Missed runs collapsed into one.
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Without_a_status_the_first_start_writes_one_and_waits_for_the_next_occurrence()
    {
        var ct = TestContext.Current.CancellationToken;
        var (timer, monitor) = Timer("0 45 * * * *");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = timer.RunAsync(stop.Token);

        var initial = await WaitForStatusAsync(monitor, _ => true, ct);
        Assert.Equal(Start.AddMinutes(15), initial.Next);
        Assert.Empty(_log.Snapshot());

        _time.Advance(TimeSpan.FromMinutes(15));
        var run = (await _log.WaitForAsync(r => r.Count == 1, TimeSpan.FromSeconds(10), "the 10:45 run"))[0];
        Assert.Equal("2026-11-22T10:45:00+00:00", TimerData(run)["ScheduleStatus"]!["Next"]!.ToString());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task A_changed_schedule_is_not_past_due_but_run_on_startup_still_runs_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var (timer, monitor) = Timer("0 15 * * * *", runOnStartup: true);
        // Written under an hourly-at-:00 schedule whose Next has passed; the new schedule does not give that Next.
        await monitor.SetAsync("Tick", new ScheduleStatus(Start.AddHours(-2.5), Start.AddHours(-1.5), Start.AddHours(-2.5)), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = timer.RunAsync(stop.Token);

        var run = (await _log.WaitForAsync(r => r.Count == 1, TimeSpan.FromSeconds(10), "the run on startup"))[0];
        Assert.False(TimerData(run)["IsPastDue"]!.GetValue<bool>());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Single(_log.Snapshot());
    }
}
