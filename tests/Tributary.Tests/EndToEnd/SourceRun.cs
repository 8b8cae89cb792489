using Azure.Data.Tables;
using Tributary.Landing;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// A pipeline (replay server, local host, worker process) on its own Azurite, for a test that fires a source's timer and
/// looks at what every stage did. Each test gets its own storage, so nothing one run wrote can make another pass.
/// </summary>
internal sealed class SourceRun : IAsyncDisposable
{
    private SourceRun(AzuriteProcess azurite, PipelineHarness app) => (Azurite, App) = (azurite, app);

    public AzuriteProcess Azurite { get; }

    public PipelineHarness App { get; }

    public static async Task<SourceRun> StartAsync(CancellationToken ct, IReadOnlyDictionary<string, string?>? handlerSettings = null,
        IReadOnlyList<string>? replaySettings = null, TimeProvider? replayTime = null, CapturedLogs? logs = null)
    {
        var azurite = await AzuriteProcess.StartAsync(ct);
        try
        {
            var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
                handlerSettings: handlerSettings, replaySettings: replaySettings, replayTime: replayTime, logs: logs);
            return new SourceRun(azurite, app);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fires the timer function as the host would at <paramref name="now"/> and returns the source's run record.</summary>
    public async Task<RunRecord> FireAsync(string function, string source, DateTimeOffset now, CancellationToken ct)
    {
        await App.FireTimerAsync(function, now, ct);
        var record = await App.Runs.GetAsync(source, RunIds.For(now), ct);
        return record ?? throw new InvalidOperationException($"{function} wrote no run record for {source} {RunIds.For(now)}");
    }

    /// <summary>Waits until <paramref name="count"/> invocations of <paramref name="function"/> have succeeded.</summary>
    public Task WaitForAsync(string function, int count, CancellationToken ct) =>
        App.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == function && x.Succeeded) >= count, TimeSpan.FromSeconds(90), $"{count} successful {function} invocation(s)");

    /// <summary>The rows of a table that match an OData filter.</summary>
    public async Task<List<TableEntity>> RowsAsync(string table, string filter, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in App.Storage.Table(table).QueryAsync<TableEntity>(filter, cancellationToken: ct)) rows.Add(row);
        return rows;
    }

    public async Task PostReplayAsync(string pathAndQuery, CancellationToken ct)
    {
        using var replay = new HttpClient { BaseAddress = App.ReplayAddress };
        (await replay.PostAsync(pathAndQuery, null, ct)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
