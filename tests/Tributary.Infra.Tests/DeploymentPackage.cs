namespace Tributary.Infra.Tests;

/// <summary>Builds the function app package once per test run with infra/scripts/package-api.sh, as azd's hook does.</summary>
public sealed class DeploymentPackage : IAsyncLifetime
{
    public string DistDirectory { get; } = Directory.CreateTempSubdirectory("tributary-dist-").FullName;

    public string LayoutDirectory => Path.Combine(DistDirectory, "api");

    public string ZipPath => Path.Combine(DistDirectory, "api.zip");

    public ProcessResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // /bin/sh, as azd runs `shell: sh` hooks; the script must not need bash.
        Result = await ProcessRunner.RunAsync(
            "/bin/sh",
            [Repo.Path("infra", "scripts", "package-api.sh"), DistDirectory],
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
            Directory.Delete(DistDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
