using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Worker;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// The pipeline on its own copy of the <see cref="LandedInputs"/>: Azurite on a copy of the landed folder and the
/// local host with the real worker, whose queue triggers start curating the waiting messages at once. A failed
/// invocation's message is visible again after 1 s (the host's default is 10 s), before the killed worker's successor
/// is up, so a crash costs the worker's restart only, and a message one dequeue per kill.
/// </summary>
internal sealed class CurationRun : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] Queues = [StorageNames.CurateQueue, StorageNames.AggregateQueue];

    private readonly DirectoryInfo _folder;
    private readonly int _pages;
    private readonly HashSet<int> _killed = [];

    private CurationRun(DirectoryInfo folder, AzuriteProcess azurite, PipelineHarness app, int pages) =>
        (_folder, Azurite, App, _pages) = (folder, azurite, app, pages);

    public AzuriteProcess Azurite { get; }

    public PipelineHarness App { get; }

    public static bool IsCurateOrAggregate(InvocationRecord record) => record.FunctionName is "Curate" or "Aggregate";

    public static async Task<CurationRun> StartAsync(LandedInputs inputs, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tributary-crash-run-");
        AzuriteProcess? azurite = null;
        try
        {
            Copy(new DirectoryInfo(inputs.Folder), folder);
            azurite = await AzuriteProcess.StartAsync(ct, location: folder.FullName);
            var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct,
                hostSettings: new Dictionary<string, string?> { ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01" });
            return new CurationRun(folder, azurite, app, inputs.Pages);
        }
        catch
        {
            if (azurite is not null) await azurite.DisposeAsync();
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Curate and Aggregate invocations started so far: finished ones plus running ones (or waiting for a worker).</summary>
    public (int Started, int Curating, int Aggregating) Progress()
    {
        var running = App.Host.Services.GetRequiredService<InvocationNames>();
        var (curating, aggregating) = (running.Running("Curate"), running.Running("Aggregate"));
        return (App.Invocations.Snapshot().Count(IsCurateOrAggregate) + curating + aggregating, curating, aggregating);
    }

    /// <summary>
    /// Kills the running worker process (SIGKILL), waiting first for the successor of one killed before; the host
    /// sees it die and starts another.
    /// </summary>
    public async Task<int> KillWorkerAsync(CancellationToken ct)
    {
        var worker = await App.Worker.ReadyAsync(ct);
        while (_killed.Contains(worker.Process.ProcessId))
        {
            await Task.Delay(5, ct);
            worker = await App.Worker.ReadyAsync(ct);
        }
        _killed.Add(worker.Process.ProcessId);
        using var process = Process.GetProcessById(worker.Process.ProcessId);
        process.Kill();
        return worker.Process.ProcessId;
    }

    /// <summary>
    /// Waits until both queues are empty (every page curated, every recompute it asked for done) and nothing runs,
    /// failing at once if a message reaches a poison queue.
    /// </summary>
    public async Task<IReadOnlyList<InvocationRecord>> DrainAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + DrainTimeout;
        while (true)
        {
            await AssertNothingPoisonedAsync(ct);
            // Curate first: its message goes only after the Aggregate messages it sends are on their queue.
            var waiting = new List<int>();
            foreach (var queue in Queues) waiting.Add((await App.Storage.Queue(queue).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount);
            var (_, curating, aggregating) = Progress();
            if (waiting.All(n => n == 0) && curating + aggregating == 0) break;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The queues did not drain within {DrainTimeout}: curate {waiting[0]}, aggregate {waiting[1]} waiting, " +
                    $"{curating} curating, {aggregating} aggregating; invocations: {Describe(App.Invocations.Snapshot())}");
            }
            await Task.Delay(100, ct);
        }
        await AssertNothingPoisonedAsync(ct);
        var records = App.Invocations.Snapshot();
        var curated = records.Where(r => r.FunctionName == "Curate" && r.Succeeded).Select(r => r.Request.TriggerMetadata["Id"].String).Distinct().Count();
        if (curated != _pages) throw new InvalidOperationException($"{_pages} pages landed but {curated} curate messages succeeded: {Describe(records)}");
        return records;
    }

    private async Task AssertNothingPoisonedAsync(CancellationToken ct)
    {
        foreach (var queue in Queues)
        {
            var poison = App.Storage.Queue($"{queue}-poison");
            if (!await poison.ExistsAsync(ct)) continue;
            var messages = (await poison.PeekMessagesAsync(maxMessages: 32, ct)).Value;
            if (messages.Length > 0)
            {
                throw new InvalidOperationException($"{messages.Length} message(s) in {poison.Name}: " +
                    string.Join("; ", messages.Select(m => m.Body.ToString())) +
                    $"; invocations: {Describe(App.Invocations.Snapshot())}");
            }
        }
    }

    /// <summary>Every table's content (keys and properties, no ETags or timestamps) and every quarantined blob's name and bytes.</summary>
    public async Task<StorageContent> ContentAsync(CancellationToken ct)
    {
        var tables = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await foreach (var table in App.Storage.Tables.QueryAsync(cancellationToken: ct)) tables[table.Name] = await TableSnapshot.ContentAsync(App.Storage, table.Name);
        var quarantine = new List<string>();
        var container = App.Storage.Container(StorageNames.QuarantineContainer);
        if (await container.ExistsAsync(ct))
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: ct))
            {
                var bytes = (await container.GetBlobClient(blob.Name).DownloadContentAsync(ct)).Value.Content.ToArray();
                quarantine.Add($"{blob.Name} sha256={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}");
            }
        }
        tables[$"{StorageNames.QuarantineContainer} (blobs)"] = quarantine;
        return new StorageContent(tables);
    }

    /// <summary>How many Curate and Aggregate invocations succeeded and failed, and the highest dequeue count a message reached.</summary>
    public static string Describe(IEnumerable<InvocationRecord> records)
    {
        var ours = records.Where(IsCurateOrAggregate).ToList();
        var counts = ours.GroupBy(r => (r.FunctionName, r.Succeeded)).OrderBy(g => g.Key.FunctionName, StringComparer.Ordinal).ThenByDescending(g => g.Key.Succeeded)
            .Select(g => $"{g.Count()} {g.Key.FunctionName} {(g.Key.Succeeded ? "ok" : "failed")}");
        var dequeues = ours.Select(r => int.Parse(r.Request.TriggerMetadata["DequeueCount"].Json, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        return $"{string.Join(", ", counts)}, highest dequeue count {dequeues}";
    }

    private static void Copy(DirectoryInfo from, DirectoryInfo to)
    {
        foreach (var file in from.EnumerateFiles()) file.CopyTo(Path.Combine(to.FullName, file.Name));
        foreach (var folder in from.EnumerateDirectories()) Copy(folder, to.CreateSubdirectory(folder.Name));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.DisposeAsync();
        }
        finally
        {
            await Azurite.DisposeAsync();
            _folder.Delete(recursive: true);
        }
    }
}
