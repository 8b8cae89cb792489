using Tributary.LocalHost;

// Usage: Tributary.LocalHost --app-root DIR [--settings FILE] [--port 7071] [--web-root DIR] [--run-on-startup] [--host-id ID]
var arguments = args.ToList();
string? Option(string name)
{
    var i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}

var appRoot = Option("--app-root");
if (appRoot is null)
{
    Console.Error.WriteLine("Usage: Tributary.LocalHost --app-root DIR [--settings FILE] [--port 7071] [--web-root DIR] [--run-on-startup] [--host-id ID]");
    return 2;
}
var port = Option("--port") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 7071;
var app = LocalHostApp.Build(new LocalHostOptions
{
    AppRoot = appRoot,
    SettingsFile = Option("--settings"),
    Port = port,
    WebRoot = Option("--web-root"),
    RunTimersOnStartup = arguments.Contains("--run-on-startup"),
    HostId = Option("--host-id") ?? "tributary-local",
});
await app.RunAsync();
return 0;
