using System.Reflection;

namespace Tributary.Infra.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (a PackageDownload of this project).
/// NuGet does not keep the executable bit, so it is set here.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> LazyPath = new(Locate);

    public static string Path => LazyPath.Value;

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Path, arguments, Repo.Root, TimeSpan.FromMinutes(3));

    private static string Locate()
    {
        var metadata = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value ?? "");
        var version = metadata["BicepCliVersion"];

        var roots = new List<string>();
        if (metadata.TryGetValue("NuGetPackageRoot", out var built) && built.Length > 0)
        {
            roots.Add(built);
        }

        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment)
        {
            roots.Add(fromEnvironment);
        }

        roots.Add(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));

        foreach (var root in roots)
        {
            var candidate = System.IO.Path.Combine(root, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
            if (!File.Exists(candidate))
            {
                continue;
            }

            var mode = File.GetUnixFileMode(candidate);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(candidate, mode | execute);
            }

            return candidate;
        }

        throw new FileNotFoundException(
            $"Bicep CLI {version} not found under {string.Join(", ", roots)}; `dotnet restore` downloads it.");
    }
}
