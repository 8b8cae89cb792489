using System.Text.Json.Nodes;

namespace Tributary.Infra.Tests;

/// <summary>
/// The package Flex Consumption runs as `dotnet-isolated`: the publish output azd zips. The host needs host.json,
/// worker.config.json (how to start the worker), functions.metadata (the triggers) and the extensions in
/// .azurefunctions/; the app needs its source manifests. Nothing of the former custom handler, and nothing local.
/// </summary>
public sealed class DeploymentPackageTests(DeploymentPackage package) : IClassFixture<DeploymentPackage>
{
    public static TheoryData<string> Timers() => new(FunctionAppTriggers.Timers);

    public static TheoryData<string> QueueFunctions() => new(FunctionAppTriggers.QueueFunctions.Keys);

    private IReadOnlyList<FunctionMetadata> Functions()
    {
        AssertPublished();
        var path = package.PathOf("functions.metadata");
        Assert.True(File.Exists(path), $"the publish output has no functions.metadata: {path}");
        return FunctionMetadata.Load(path);
    }

    private FunctionMetadata Function(string name) =>
        Assert.Single(Functions(), f => f.Name == name);

    private JsonObject ReadJson(params string[] parts)
    {
        var path = package.PathOf(parts);
        Assert.True(File.Exists(path), $"the publish output has no {string.Join('/', parts)}");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    private void AssertPublished() =>
        Assert.True(package.Result.ExitCode == 0, package.Result.Describe($"dotnet publish {FunctionsProject.Directory} -c Release"));

    [Fact]
    public void Dotnet_publish_builds_the_package()
    {
        AssertPublished();
        Assert.True(Directory.Exists(package.OutputDirectory));
    }

    [Fact]
    public void The_package_holds_host_json_from_the_repository_root()
    {
        AssertPublished();
        var packaged = package.PathOf("host.json");
        Assert.True(File.Exists(packaged), "host.json is missing from the package");
        Assert.Equal(File.ReadAllText(Repo.Path("host.json")), File.ReadAllText(packaged));
        Assert.Equal("2.0", (string?)ReadJson("host.json")["version"]);
    }

    [Fact]
    public void Host_json_has_no_custom_handler_section()
    {
        // With runtime dotnet-isolated the host starts the worker from worker.config.json; a customHandler block
        // would be a leftover that describes an executable the package no longer has.
        AssertPublished();
        Assert.Null(ReadJson("host.json")["customHandler"]);
    }

    [Fact]
    public void Worker_config_starts_the_isolated_worker_with_the_platform_dotnet()
    {
        AssertPublished();
        var description = ReadJson("worker.config.json")["description"]!;
        Assert.Equal("dotnet-isolated", (string?)description["language"]);

        // Framework-dependent (azd publishes without a runtime identifier): the platform's .NET 10 runs the app's dll,
        // which is why the template's runtime version must match the project's target framework.
        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        var workerPath = (string?)description["defaultWorkerPath"];
        Assert.NotNull(workerPath);
        Assert.EndsWith(".dll", workerPath, StringComparison.Ordinal);
        Assert.True(File.Exists(package.PathOf(workerPath)), $"defaultWorkerPath {workerPath} is not in the package");
    }

    [Fact]
    public void The_package_carries_the_host_extensions_in_dot_azurefunctions()
    {
        AssertPublished();
        var folder = package.PathOf(".azurefunctions");
        Assert.True(Directory.Exists(folder), "the publish output has no .azurefunctions/ folder");
        Assert.NotEmpty(Directory.EnumerateFiles(folder, "*.dll"));

        // Every extension the host is told to load is in the package.
        if (File.Exists(package.PathOf("extensions.json")))
        {
            foreach (var extension in ReadJson("extensions.json")["extensions"]!.AsArray())
            {
                var hintPath = (string?)extension!["hintPath"];
                Assert.False(string.IsNullOrEmpty(hintPath), $"extension {extension["name"]} has no hintPath");
                Assert.True(File.Exists(Path.GetFullPath(Path.Combine(package.OutputDirectory, hintPath))), $"extensions.json names {hintPath}, which is not in the package");
            }
        }
    }

    [Fact]
    public void The_package_holds_every_source_manifest()
    {
        AssertPublished();
        var manifests = Directory.GetFiles(Path.Combine(FunctionsProject.Directory, "sources"), "*.json");
        Assert.NotEmpty(manifests);
        foreach (var manifest in manifests)
        {
            var packaged = package.PathOf("sources", Path.GetFileName(manifest));
            Assert.True(File.Exists(packaged), $"sources/{Path.GetFileName(manifest)} is missing from the package");
            Assert.Equal(File.ReadAllText(manifest), File.ReadAllText(packaged));
        }
    }

    [Fact]
    public void Neither_local_settings_nor_any_function_json_is_packaged()
    {
        // local.settings.json holds the replay server's demo credentials and local-only settings. A function.json
        // would be a custom-handler leftover: the isolated worker declares its triggers in functions.metadata.
        AssertPublished();
        var files = Directory.EnumerateFiles(package.OutputDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.OutputDirectory, f).Replace('\\', '/'))
            .ToList();
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "local.settings.json");
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "function.json");
    }

    [Fact]
    public void Functions_metadata_is_for_the_isolated_worker_dll()
    {
        var functions = Functions();
        Assert.NotEmpty(functions);
        var workerPath = (string?)ReadJson("worker.config.json")["description"]!["defaultWorkerPath"];
        Assert.All(functions, f => Assert.Equal("dotnet-isolated", f.Language));
        Assert.All(functions, f => Assert.Equal(workerPath, f.ScriptFile));
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public void Queue_functions_listen_on_the_queues_the_template_creates(string function)
    {
        var trigger = Function(function).Trigger;
        Assert.Equal("queueTrigger", (string?)trigger["type"], ignoreCase: true);
        Assert.Equal(FunctionAppTriggers.QueueFunctions[function], (string?)trigger["queueName"]);

        // The template configures only the identity-based AzureWebJobsStorage__* connection (no connection name
        // means that one).
        var connection = (string?)trigger["connection"];
        Assert.True(connection is null or "AzureWebJobsStorage", $"{function} reads its queue through connection '{connection}', which the template does not configure");
    }

    [Theory]
    [MemberData(nameof(Timers))]
    public void Timers_read_their_schedule_from_the_app_setting_the_template_sets(string function)
    {
        var trigger = Function(function).Trigger;
        Assert.Equal("timerTrigger", (string?)trigger["type"], ignoreCase: true);
        Assert.Equal($"%{FunctionAppTriggers.ScheduleSetting(function)}%", (string?)trigger["schedule"]);
    }

    [Fact]
    public void Every_queue_and_timer_trigger_in_the_package_is_provisioned()
    {
        // A trigger the lists above do not know would have no queue or no schedule setting in Azure.
        foreach (var function in Functions())
        {
            switch (function.TriggerType.ToLowerInvariant())
            {
                case "queuetrigger":
                    Assert.True(FunctionAppTriggers.QueueFunctions.ContainsKey(function.Name), $"queue function {function.Name} is not in FunctionAppTriggers");
                    break;
                case "timertrigger":
                    Assert.Contains(function.Name, FunctionAppTriggers.Timers);
                    break;
                case "httptrigger":
                    break;
                default:
                    Assert.Fail($"{function.Name} has a {function.TriggerType}, which the template provisions nothing for");
                    break;
            }
        }
    }
}
