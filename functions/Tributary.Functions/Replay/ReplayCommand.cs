using Microsoft.Extensions.Hosting;
using Tributary.Functions.Hosting;
using Tributary.Replay;
using Tributary.Sources;

namespace Tributary.Functions.Replay;

/// <summary>
/// The command line entry: <c>Tributary.Functions replay --source ID --from yyyy-MM-dd --to yyyy-MM-dd [--generation N | --force]</c>
/// queues the landed raw pages of those UTC days for curation again, day by day, printing each day. A running
/// function app curates them. Exit code 2 for bad arguments, 1 if any blob had to be skipped, else 0.
/// </summary>
public static class ReplayCommand
{
    public const string Usage = "Usage: Tributary.Functions replay --source ID --from 2026-11-20 --to 2026-11-22 [--generation N | --force]";

    private static readonly string[] ValueOptions = ["--source", "--from", "--to", "--generation"];
    private const string ForceFlag = "--force";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "replay";

    public static async Task<int> RunAsync(string[] args)
    {
        RawReplayRequest request;
        try
        {
            request = Parse(args);
        }
        catch (RawReplayException ex)
        {
            return BadArguments(ex.Message);
        }

        using var host = CommandLine.BuildHost();
        try
        {
            // Before storage is touched: a mistyped source fails at once, not after storage retries.
            host.Services.GetRequiredService<SourceRegistry>().Mapper(request.Source);
        }
        catch (UnknownSourceException ex)
        {
            return BadArguments(ex.Message);
        }

        await host.StartAsync();
        try
        {
            var replay = host.Services.GetRequiredService<RawReplayService>();
            var done = 0;
            var outcome = await replay.RunAsync(request, new CommandLine.SynchronousProgress<RawReplayDayRecord>(day =>
                Console.WriteLine($"[{++done}/{request.DayCount}] {RawReplayRequest.Text(day.Day)}: {day.BlobsQueued} blob(s) queued for curation, {day.SkippedCount} skipped")),
                CancellationToken.None);
            var status = outcome.Status;
            if (!outcome.Started)
            {
                Console.WriteLine($"Replay {status.Id} exists already ({status.Status}); nothing was queued again. Pass {ForceFlag} (or --generation N) to run the range again.");
            }
            foreach (var skipped in status.Skipped) Console.WriteLine($"skipped {skipped.Blob}: {skipped.Reason}");
            Console.WriteLine($"{status.Source} replay {status.Id}: {status.Status}, {status.DaysDone} of {status.DaysTotal} day(s), " +
                              $"{status.BlobsQueued} blob(s) queued for curation, {status.BlobsSkipped} skipped.");
            return status.BlobsSkipped == 0 ? 0 : 1;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <exception cref="RawReplayException">An argument is unknown, missing or invalid.</exception>
    private static RawReplayRequest Parse(string[] args)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == ForceFlag) continue;
            if (!ValueOptions.Contains(args[i])) throw new RawReplayException(args[i], $"Unknown argument '{args[i]}'.");
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new RawReplayException(args[i], $"'{args[i]}' needs a value.");
            i++;
        }
        var source = CommandLine.Option(args, "--source") ?? throw new RawReplayException("source", "'--source' is required: the id of the source to replay (e.g. open-meteo).");
        return RawReplayRequest.Parse(source, CommandLine.Option(args, "--from"), CommandLine.Option(args, "--to"),
            CommandLine.Option(args, "--generation"), args.Contains(ForceFlag) ? "true" : null);
    }

    private static int BadArguments(string problem)
    {
        Console.Error.WriteLine($"replay: {problem}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
