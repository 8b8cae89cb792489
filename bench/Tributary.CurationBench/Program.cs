using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Tributary.Curation;
using Tributary.CurationBench;
using Tributary.Storage;
using Tributary.Testing;

// Curation throughput into a real Azurite, side by side in one run: the same pages written through ObservationStore
// with entity group transactions (up to 100 rows per partition per request) and with one request per entity. Rounds
// alternate between the two after one warm-up each, on an emptied table; a replay of the same pages (every row
// unchanged, so reads only) is timed too. Then the national-size GTFS feed, streamed versus read whole (GtfsStreaming).
// Usage: Tributary.CurationBench [--observations N] [--per-page N] [--rounds N] [--stop-times N]
if (args.Length > 0 && args[0] == GtfsStreaming.ChildFlag) return await GtfsStreaming.ChildAsync(args);
var observations = Option("--observations") ?? 6000;
var perPage = Option("--per-page") ?? 300;
var rounds = Option("--rounds") ?? 3;

await using var azurite = await AzuriteProcess.StartAsync();
var storage = StorageAccount.FromConfiguration(new ConfigurationBuilder()
    .AddInMemoryCollection([new(StorageNames.ConnectionSetting, azurite.ConnectionString)]).Build());
var table = storage.Table(StorageNames.ObservationsTable);
var pages = SyntheticPages.Make(observations, perPage);

Console.WriteLine($"Curation: {observations} observations in {pages.Count} pages of {perPage} (one partition each), {rounds} rounds per mode after one warm-up, alternating");
var results = new Dictionary<TableWriteMode, (List<double> First, List<double> Replay)>
{
    [TableWriteMode.Batched] = ([], []),
    [TableWriteMode.EntityPerRequest] = ([], []),
};
for (var round = 0; round <= rounds; round++)
{
    foreach (var mode in results.Keys)
    {
        await table.DeleteAsync();
        await table.CreateAsync();
        var store = new ObservationStore(storage, mode);
        var first = await TimeAsync(store);
        var replay = await TimeAsync(store);
        if (round == 0) continue; // Warm-up: JIT, connection pool, Azurite's first table.
        results[mode].First.Add(observations / first.TotalSeconds);
        results[mode].Replay.Add(observations / replay.TotalSeconds);
    }
}

Console.WriteLine($"  {"mode",-44} {"first write obs/s (median)",28} {"min",8} {"max",8} {"replay obs/s (median)",24}");
foreach (var (mode, (first, replay)) in results)
{
    Console.WriteLine($"  {Name(mode),-44} {Median(first),28:F0} {first.Min(),8:F0} {first.Max(),8:F0} {Median(replay),24:F0}");
}
Console.WriteLine($"  batched / one entity per request (first write, median): {Median(results[TableWriteMode.Batched].First) / Median(results[TableWriteMode.EntityPerRequest].First):F2}");

await GtfsStreaming.RunAsync(azurite.ConnectionString, Option("--stop-times") ?? 2_000_000);
return 0;

async Task<TimeSpan> TimeAsync(ObservationStore store)
{
    var clock = Stopwatch.StartNew();
    foreach (var (lineage, rows) in pages) await store.UpsertAsync(rows, lineage, CancellationToken.None);
    return clock.Elapsed;
}

static string Name(TableWriteMode mode) => mode == TableWriteMode.Batched ? "entity group transactions (<= 100/request)" : "one entity per request";

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

int? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
}
