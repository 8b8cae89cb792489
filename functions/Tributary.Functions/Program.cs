using Tributary.Functions.Backfill;
using Microsoft.Extensions.Hosting;
using Tributary.Functions.Hosting;

// The same executable serves as the function app (started by the Functions host, or by the local host, with the
// host's command line) and as the backfill command line: `Tributary.Functions backfill --source ... --from ... --to ...`.
if (BackfillCommand.Matches(args))
{
    return await BackfillCommand.RunAsync(args);
}

await FunctionApp.Build(args).RunAsync();
return 0;
