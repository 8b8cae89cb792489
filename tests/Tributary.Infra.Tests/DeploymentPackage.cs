namespace Tributary.Infra.Tests;

/// <summary>
/// Publishes the function app once per test run the way azd packages a `language: dotnet` function service:
/// `dotnet publish &lt;project&gt; -c Release -o &lt;dir&gt;`, framework-dependent, no runtime identifier. azd zips that
/// folder as it is, so the folder is the package.
/// </summary>
public sealed class DeploymentPackage : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("tributary-publish-").FullName;

    public string OutputDirectory => Path.Combine(root, "api");

    public ProcessResult Result { get; private set; } = null!;

    public string PathOf(params string[] parts) => Path.Combine([OutputDirectory, .. parts]);

    public async ValueTask InitializeAsync()
    {
        // --artifacts-path is the one addition to azd's command: it keeps this Release build out of the obj/ and bin/
        // folders that the other test projects, building in parallel, use. The publish output is the same.
        Result = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", FunctionsProject.Directory, "--configuration", "Release", "--output", OutputDirectory,
             "--artifacts-path", Path.Combine(root, "artifacts"), "--nologo"],
            Repo.Root,
            TimeSpan.FromMinutes(8),
            new Dictionary<string, string>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            });
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
