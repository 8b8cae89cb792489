using Tributary.Replay;

await ReplayServer.Build(args).RunAsync();
