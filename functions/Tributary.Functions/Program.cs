using Tributary.Functions;
using Tributary.Functions.Backfill;

if (BackfillCommand.Matches(args))
{
    return await BackfillCommand.RunAsync(args);
}

await HandlerApp.Build(args).RunAsync();
return 0;
