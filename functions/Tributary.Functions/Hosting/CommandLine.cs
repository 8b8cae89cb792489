using Microsoft.Extensions.Hosting;

namespace Tributary.Functions.Hosting;

/// <summary>
/// What the command-line entries (<c>backfill</c>, <c>replay</c>) share: reading <c>--name value</c> options, and a
/// plain host with the pipeline configured as the function app would be, which no Functions host starts.
/// </summary>
public static class CommandLine
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent or has no value.</summary>
    public static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>The pipeline on a generic host: the manifests, then <c>local.settings.json</c> (its settings win over them), then the environment.</summary>
    public static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder([]);
        AppConfiguration.AddSourceManifests(builder.Configuration);
        AppConfiguration.AddLocalSettings(builder.Configuration);
        builder.Services.AddTributaryPipeline(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Reports on the caller's thread, so lines print in order.</summary>
    public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
