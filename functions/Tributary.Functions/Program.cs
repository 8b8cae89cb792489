using Tributary.Functions;

await HandlerApp.Build(args).RunAsync();
