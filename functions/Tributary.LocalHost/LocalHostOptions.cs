using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost;

/// <summary>How the local host is started (command-line flags map one to one).</summary>
public sealed record LocalHostOptions
{
    /// <summary>The function app's build output: host.json, worker.config.json, the worker and its functions.metadata.</summary>
    public required string AppRoot { get; init; }

    /// <summary>local.settings.json to read app settings from (it must exist); defaults to the one in <see cref="AppRoot"/>, if any.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>False to read no local.settings.json at all: every setting comes from the environment and <see cref="Settings"/>.</summary>
    public bool ReadLocalSettings { get; init; } = true;

    /// <summary>Settings that win over local.settings.json and the environment (tests use this).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>HTTP port for <c>/api</c>, <c>/admin</c> and the dashboard; 0 picks a free port.</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Static files served at <c>/</c> (the built dashboard), if any.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Run every timer once at start, as <c>runOnStartup</c> would, without changing the app (demo mode).</summary>
    public bool RunTimersOnStartup { get; init; }

    /// <summary>The host id used for timer status blobs, as the real host derives one from the site name.</summary>
    public string HostId { get; init; } = "tributary-local";

    /// <summary>Least time between two worker starts (the host's restart spacing is about 10 s).</summary>
    public TimeSpan WorkerRestartInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the worker may take to answer <c>WorkerInitRequest</c> (the host's <c>initializationTimeout</c>).</summary>
    public TimeSpan InitializationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// As the Functions host: the app setting <c>AzureWebJobs.{name}.Disabled</c> (<c>AzureWebJobs__{name}__Disabled</c>
    /// where names cannot hold dots) turns a function off, so its trigger never fires.
    /// </summary>
    public bool IsDisabled(AppSettings settings, string function) =>
        (settings.Get($"AzureWebJobs.{function}.Disabled") ?? settings.Get($"AzureWebJobs__{function}__Disabled")) is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
