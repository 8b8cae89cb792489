using System.Globalization;
using Tributary.LocalHost;

// Usage: Tributary.LocalHost --app-root DIR [--settings FILE] [--port 7071] [--web-root DIR] [--run-on-startup] [--host-id ID]
const string Usage = "Usage: Tributary.LocalHost --app-root DIR [--settings FILE] [--port 7071] [--web-root DIR] [--run-on-startup] [--host-id ID]";
var arguments = args.ToList();
string? Option(string name)
{
    var i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}

var appRoot = Option("--app-root");
if (appRoot is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var port = 7071;
if (Option("--port") is { } p && !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out port))
{
    Console.Error.WriteLine($"--port '{p}' is not a port number. {Usage}");
    return 2;
}
try
{
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
}
catch (InvalidOperationException ex)
{
    // A configuration problem: say which file or setting, without a stack trace.
    Console.Error.WriteLine(ex.Message);
    return 1;
}
