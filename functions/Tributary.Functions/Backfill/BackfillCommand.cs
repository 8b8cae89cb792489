using System.Globalization;
using Microsoft.Extensions.Hosting;
using Tributary.Backfill;
using Tributary.Functions.Hosting;

namespace Tributary.Functions.Backfill;

/// <summary>
/// The command line entry: <c>Tributary.Functions backfill --source ID --from ISO --to ISO</c> fetches the range
/// chunk by chunk, within the source's rate budget, printing each chunk's outcome. Exit code 1 if any chunk failed.
/// </summary>
public static class BackfillCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "backfill";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => CommandLine.Option(args, name);
        var source = Option("--source");
        if (source is null || Option("--from") is not { } fromText || Option("--to") is not { } toText ||
            !DateTimeOffset.TryParse(fromText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var from) ||
            !DateTimeOffset.TryParse(toText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var to))
        {
            Console.Error.WriteLine("Usage: Tributary.Functions backfill --source ID --from 2026-11-01T00:00:00Z --to 2026-11-08T00:00:00Z");
            return 2;
        }

        using var host = CommandLine.BuildHost();
        await host.StartAsync();
        try
        {
            var backfill = host.Services.GetRequiredService<BackfillService>();
            var total = backfill.Plan(source, from, to).Count;
            var done = 0;
            var status = await backfill.RunAsync(source, from, to, new CommandLine.SynchronousProgress<BackfillChunkStatus>(chunk =>
                Console.WriteLine($"[{++done}/{total}] {chunk.RunId} {chunk.From:O}..{chunk.To:O}: {chunk.Outcome}, {chunk.Pages} page(s), {chunk.Bytes} bytes{(chunk.Error is null ? "" : $" ({chunk.Error})")}")),
                CancellationToken.None);
            Console.WriteLine($"{source}: {status.Done} of {status.Total} chunk(s) succeeded, {status.Failed} failed.");
            return status.Failed == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is BackfillException or Sources.UnknownSourceException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
