namespace Tributary.LocalHost;

/// <summary>How the local host is started (command-line flags map one to one).</summary>
public sealed class LocalHostOptions
{
    /// <summary>The function app folder: host.json, one folder per function with function.json, and the handler.</summary>
    public required string AppRoot { get; init; }

    /// <summary>local.settings.json to read app settings from; defaults to the one in <see cref="AppRoot"/>, if any.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Settings that win over local.settings.json and the environment (tests use this).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Call an already running handler at this address instead of starting <c>defaultExecutablePath</c>
    /// (tests run the handler in-process).
    /// </summary>
    public Uri? HandlerUrl { get; init; }

    /// <summary>HTTP port for <c>/api</c> and the dashboard; 0 picks a free port.</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Static files served at <c>/</c> (the built dashboard), if any.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Run every timer once at start, as <c>runOnStartup</c> would, without changing function.json (demo mode).</summary>
    public bool RunTimersOnStartup { get; init; }

    /// <summary>The host id used for timer status blobs, as the real host derives one from the site name.</summary>
    public string HostId { get; init; } = "tributary-local";
}
