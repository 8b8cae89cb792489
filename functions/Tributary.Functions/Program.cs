using Tributary.Functions.Backfill;
using Tributary.Functions.Replay;
using Microsoft.Extensions.Hosting;
using Tributary.Functions.Hosting;

// The same executable serves as the function app (started by the Functions host, or by the local host, with the
// host's command line) and as the command lines `Tributary.Functions backfill --source ... --from ... --to ...` and
// `Tributary.Functions replay --source ... --from ... --to ...`, and
// `Tributary.Functions openapi --out FILE` (the OpenAPI document for the dashboard's types).
if (BackfillCommand.Matches(args))
{
    return await BackfillCommand.RunAsync(args);
}
if (ReplayCommand.Matches(args))
{
    return await ReplayCommand.RunAsync(args);
}
if (Tributary.Functions.OpenApi.OpenApiCommand.Matches(args))
{
    return await Tributary.Functions.OpenApi.OpenApiCommand.RunAsync(args);
}

await FunctionApp.Build(args).RunAsync();
return 0;
