using System.Globalization;
using Tributary.LocalHost.Invocations;
using Tributary.Storage;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// Every stage is at-least-once and idempotent, so a worker that dies anywhere in curate or aggregate changes nothing
/// in the end: the same landed pages curated by runs whose worker process is SIGKILLed once or twice, at points a
/// seeded generator picks (after the k-th Curate or Aggregate invocation has started), end with exactly the tables
/// of a run without crashes, and nothing in a poison queue. A failing seed replays with
/// <c>TRIBUTARY_CRASH_SEEDS=&lt;seed&gt;[,&lt;seed&gt;...]</c>; the kill timing within an invocation is the machine's.
/// </summary>
public sealed class CrashTests(LandedInputs inputs) : IClassFixture<LandedInputs>
{
    public const string SeedsVariable = "TRIBUTARY_CRASH_SEEDS";

    private static readonly int[] DefaultSeeds = [11, 23, 37, 41, 53, 67];

    public static TheoryData<int> Seeds
    {
        get
        {
            var chosen = Environment.GetEnvironmentVariable(SeedsVariable) is { Length: > 0 } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
                : DefaultSeeds;
            return [.. chosen];
        }
    }

    [Fact]
    public void The_clean_run_curates_every_landed_page_into_every_table()
    {
        Log($"clean run: {inputs.Pages} pages, {inputs.CleanInvocations} Curate/Aggregate invocations in {inputs.CleanDuration.TotalSeconds:F1} s; " +
            string.Join(", ", inputs.Clean.Tables.Select(t => $"{t.Key} {t.Value.Count}")) +
            $"; {inputs.CleanFailures.Count} failed and retried: {string.Join(" | ", inputs.CleanFailures.Select(f => f.Split('\n')[0]))}");
        Assert.Equal(3 + 8 + 1 + 15, inputs.Pages); // Cities, departure boards, the timetable, air-quality sensors.
        foreach (var table in new[] { StorageNames.ObservationsTable, StorageNames.KpisTable, StorageNames.QualityTable, StorageNames.DimensionsTable })
        {
            Assert.True(inputs.Clean.Rows(table) > 0, $"the clean run left table {table} empty");
        }
        Assert.Contains(StorageNames.DriftTable, inputs.Clean.Tables.Keys);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_worker_killed_at_random_points_during_curate_and_aggregate_ends_with_the_tables_of_a_clean_run(int seed)
    {
        var ct = TestContext.Current.CancellationToken;
        var replay = $"seed {seed} (replay with {SeedsVariable}={seed})";
        var kills = KillPoints(new Random(seed), inputs.CleanInvocations);
        var started = DateTime.UtcNow;

        await using var run = await CurationRun.StartAsync(inputs, ct);
        using var drained = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var killer = KillAsync(run, kills, drained.Token);
        IReadOnlyList<InvocationRecord> records;
        try
        {
            records = await run.DrainAsync(ct);
        }
        finally
        {
            await drained.CancelAsync();
        }
        var done = await killer;
        var content = await run.ContentAsync(ct);

        Log($"{replay}: kills planned after the {string.Join(", ", kills)}-th start; {string.Join("; ", done)}; " +
            $"{CurationRun.Describe(records)}; {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Assert.True(done.Count == kills.Count, $"{replay}: only {done.Count} of {kills.Count} kills happened: {string.Join("; ", done)}");
        Assert.True(records.Any(r => CurationRun.IsCurateOrAggregate(r) && !r.Succeeded), $"{replay}: no invocation was cut short by the kills ({string.Join("; ", done)})");
        var differences = inputs.Clean.Differences(content);
        if (differences.Count > 0)
        {
            foreach (var cut in records.Where(r => CurationRun.IsCurateOrAggregate(r) && !r.Succeeded))
            {
                var body = cut.Request.TriggerMetadata["QueueTrigger"].String;
                Log($"  failed {cut.FunctionName} (dequeue {cut.Request.TriggerMetadata["DequeueCount"].Json}): {body[..Math.Min(body.Length, 300)]}: {cut.Error?.Split('\n')[0]}");
            }
        }
        Assert.True(differences.Count == 0, $"{replay}, kills: {string.Join("; ", done)}: the tables differ from the clean run's:\n{string.Join('\n', differences)}");
    }

    /// <summary>One or two kills, each after the k-th Curate or Aggregate invocation has started, k within the first three quarters of a clean run's.</summary>
    private static List<int> KillPoints(Random random, int cleanInvocations)
    {
        var last = Math.Max(1, cleanInvocations * 3 / 4);
        var count = random.Next(1, 3);
        var points = new SortedSet<int>();
        while (points.Count < count) points.Add(random.Next(1, last + 1));
        return [.. points];
    }

    /// <summary>Waits for each kill point (polling the host's running invocations) and kills the worker there; returns what it killed.</summary>
    private static async Task<List<string>> KillAsync(CurationRun run, IReadOnlyList<int> points, CancellationToken ct)
    {
        var done = new List<string>();
        try
        {
            foreach (var point in points)
            {
                while (true)
                {
                    var (started, curating, aggregating) = run.Progress();
                    if (started >= point && curating + aggregating > 0)
                    {
                        var pid = await run.KillWorkerAsync(ct);
                        done.Add($"killed worker {pid} at start {started} with {curating} Curate and {aggregating} Aggregate in flight");
                        break;
                    }
                    await Task.Delay(2, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Drained before the remaining points were reached.
        }
        return done;
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
