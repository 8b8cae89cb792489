using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Tributary.Infra.Tests;

/// <summary>
/// The package Flex Consumption runs: host.json, one folder per function with its function.json, and the
/// self-contained linux-x64 handler with mode 0755 (the host cannot start it otherwise).
/// </summary>
public sealed class DeploymentPackageTests(DeploymentPackage package) : IClassFixture<DeploymentPackage>
{
    private static readonly string[] KnownFunctions = ["Aggregate", "Catalog", "Curate", "Health", "IngestWeather", "Kpis", "OpenApi"];

    private static string FunctionsProject => Repo.Path("functions", "Tributary.Functions");

    private static string HandlerName =>
        (string)JsonNode.Parse(File.ReadAllText(Repo.Path("host.json")))!["customHandler"]!["description"]!["defaultExecutablePath"]!;

    private static IReadOnlyList<string> ProjectFunctions() =>
        Directory.EnumerateDirectories(FunctionsProject)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal)
            .ToList();

    private void AssertBuilt() => Assert.True(package.Result.ExitCode == 0, package.Result.Describe("infra/scripts/package-api.sh"));

    [Fact]
    public void The_script_builds_the_package()
    {
        AssertBuilt();
        Assert.True(File.Exists(package.ZipPath));
        Assert.Contains("package-api:", package.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zip_holds_host_json_from_the_repository_root()
    {
        AssertBuilt();
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var entry = zip.GetEntry("host.json");
        Assert.NotNull(entry);
        using var reader = new StreamReader(entry.Open());
        Assert.Equal(File.ReadAllText(Repo.Path("host.json")), reader.ReadToEnd());
    }

    [Fact]
    public void The_zip_holds_every_function_json_of_the_project()
    {
        AssertBuilt();
        var functions = ProjectFunctions();
        Assert.Subset(functions.ToHashSet(), KnownFunctions.ToHashSet());

        using var zip = ZipFile.OpenRead(package.ZipPath);
        var packaged = zip.Entries
            .Where(e => e.FullName.EndsWith("/function.json", StringComparison.Ordinal))
            .Select(e => e.FullName[..^"/function.json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(functions, packaged);

        foreach (var function in functions)
        {
            using var reader = new StreamReader(zip.GetEntry($"{function}/function.json")!.Open());
            var packagedJson = reader.ReadToEnd();
            Assert.Equal(File.ReadAllText(Path.Combine(FunctionsProject, function, "function.json")), packagedJson);
            Assert.NotEmpty(JsonNode.Parse(packagedJson)!["bindings"]!.AsArray());
        }
    }

    [Fact]
    public void The_handler_is_a_linux_executable_with_mode_0755_in_the_zip()
    {
        AssertBuilt();
        var records = ZipCentralDirectory.Read(package.ZipPath);
        var handler = Assert.Single(records, r => r.Name == HandlerName);

        Assert.True(handler.MadeOnUnix, $"'version made by' host is {handler.MadeByHost}, not 3 (Unix): mode bits would be ignored");
        Assert.Equal(0x8000, handler.UnixMode & 0xF000); // S_IFREG
        Assert.Equal(Convert.ToInt32("755", 8), handler.UnixMode & 0x1FF);

        using var zip = ZipFile.OpenRead(package.ZipPath);
        using var stream = zip.GetEntry(HandlerName)!.Open();
        var magic = new byte[4];
        stream.ReadExactly(magic);
        Assert.Equal("\u007fELF"u8.ToArray(), magic);
    }

    [Fact]
    public void Every_zip_entry_is_a_regular_file_with_a_unix_mode_and_a_safe_relative_name()
    {
        AssertBuilt();
        foreach (var record in ZipCentralDirectory.Read(package.ZipPath))
        {
            Assert.True(record.MadeOnUnix, record.Name);
            Assert.Equal(0x8000, record.UnixMode & 0xF000);
            Assert.DoesNotContain('\\', record.Name);
            Assert.False(record.Name.StartsWith('/'), record.Name);
            Assert.DoesNotContain("..", record.Name.Split('/'));
        }

        using var zip = ZipFile.OpenRead(package.ZipPath);
        Assert.DoesNotContain(zip.Entries, e => e.Name == "local.settings.json");
    }

    [Fact]
    public void The_folder_azd_deploys_has_the_same_layout_and_an_executable_handler()
    {
        AssertBuilt();
        Assert.True(File.Exists(Path.Combine(package.LayoutDirectory, "host.json")));
        foreach (var function in ProjectFunctions())
        {
            Assert.True(File.Exists(Path.Combine(package.LayoutDirectory, function, "function.json")), function);
        }

        var mode = File.GetUnixFileMode(Path.Combine(package.LayoutDirectory, HandlerName));
        const UnixFileMode expected = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Assert.Equal(expected, mode);
        Assert.False(File.Exists(Path.Combine(package.LayoutDirectory, "local.settings.json")));
    }
}
