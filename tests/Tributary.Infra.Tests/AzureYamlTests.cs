using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Tributary.Infra.Tests;

/// <summary>azure.yaml: the structure azd expects (checked against the v1.0 schema's vocabulary) and real paths.</summary>
public sealed class AzureYamlTests
{
    // Keys the azd v1.0 schema (schemas/v1.0/azure.yaml.json) allows.
    private static readonly string[] TopLevelKeys =
    [
        "name", "resourceGroup", "metadata", "infra", "services", "resources", "pipeline", "hooks",
        "requiredVersions", "state", "platform", "workflows", "cloud",
    ];

    private static readonly string[] ServiceKeys =
    [
        "project", "language", "host", "dist", "hooks", "module", "resourceName", "resourceGroup", "apiVersion",
        "docker", "image", "k8s", "config", "env", "uses", "remoteBuild",
    ];

    private static readonly string[] HookNames =
    [
        "prerestore", "postrestore", "prebuild", "postbuild", "prepackage", "postpackage", "prepublish", "postpublish",
        "predeploy", "postdeploy",
    ];

    private readonly AzureYaml yaml = AzureYaml.Load();

    [Fact]
    public void Uses_only_keys_azd_knows()
    {
        Assert.All(AzureYaml.Keys(yaml.Root), key => Assert.Contains(key, TopLevelKeys));
        Assert.Matches("^[a-z][a-z0-9-]*$", AzureYaml.Get(yaml.Root, "name"));
        foreach (var (name, service) in yaml.Services)
        {
            Assert.All(AzureYaml.Keys(service), key => Assert.True(ServiceKeys.Contains(key), $"service {name}: unknown key {key}"));
        }
    }

    [Fact]
    public void Infra_points_at_main_bicep_and_its_parameters()
    {
        var infra = AzureYaml.Map(yaml.Root, "infra")!;
        Assert.Equal("bicep", AzureYaml.Get(infra, "provider"));
        var path = AzureYaml.Get(infra, "path") ?? "infra";
        var module = AzureYaml.Get(infra, "module") ?? "main";
        Assert.True(File.Exists(Repo.Path(path, module + ".bicep")));
        Assert.True(File.Exists(Repo.Path(path, module + ".parameters.json")));
    }

    [Fact]
    public void Declares_the_api_and_web_services()
    {
        Assert.Equal(new[] { "api", "web" }, yaml.Services.Keys.Order());
    }

    [Fact]
    public void Every_service_path_exists()
    {
        foreach (var (name, service) in yaml.Services)
        {
            var project = AzureYaml.Get(service, "project");
            Assert.False(string.IsNullOrEmpty(project), $"service {name} has no project");
            var full = Path.GetFullPath(Path.Combine(Repo.Root, project!));
            Assert.True(Directory.Exists(full), $"service {name}: project path {project} does not exist");
            Assert.StartsWith(Repo.Root, full, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Api_is_the_dotnet_function_app_that_azd_publishes()
    {
        var api = yaml.Services["api"];
        Assert.Equal("function", AzureYaml.Get(api, "host"));
        Assert.Equal("dotnet", AzureYaml.Get(api, "language"));
        Assert.Equal("./functions/Tributary.Functions", AzureYaml.Get(api, "project"));

        // azd publishes the one project file in the service folder (`dotnet publish -c Release`) and deploys the
        // publish output: no dist folder to point at, and no hook that builds a package.
        Assert.Single(Directory.GetFiles(Repo.Path("functions", "Tributary.Functions"), "*.csproj"));
        Assert.Null(AzureYaml.Get(api, "dist"));
        Assert.Null(AzureYaml.Map(api, "hooks"));
    }

    [Fact]
    public void The_custom_handler_packaging_script_is_gone()
    {
        Assert.False(File.Exists(Repo.Path("infra", "scripts", "package-api.sh")),
            "infra/scripts/package-api.sh built the custom handler package; azd's dotnet publish builds the package now");
        Assert.DoesNotContain("package-api", File.ReadAllText(Repo.Path("azure.yaml")), StringComparison.Ordinal);
        Assert.Null(AzureYaml.Map(yaml.Root, "hooks"));
    }

    [Fact]
    public void Hook_scripts_exist_and_are_executable()
    {
        foreach (var (name, service) in yaml.Services)
        {
            if (AzureYaml.Map(service, "hooks") is not { } hooks)
            {
                continue;
            }

            foreach (var hook in AzureYaml.Keys(hooks))
            {
                Assert.True(HookNames.Contains(hook), $"service {name}: unknown hook {hook}");
                foreach (var variant in new[] { "posix", "windows" })
                {
                    if (AzureYaml.Map(AzureYaml.Map(hooks, hook)!, variant) is not { } definition)
                    {
                        continue;
                    }

                    var run = AzureYaml.Get(definition, "run")!;
                    var script = run.Split(' ').Last(part => part.Contains('/', StringComparison.Ordinal));
                    var path = Path.GetFullPath(Path.Combine(Repo.Root, AzureYaml.Get(service, "project")!, script));
                    Assert.True(File.Exists(path), $"service {name}: hook {hook} runs {script}, which does not exist");
                    Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
                    Assert.StartsWith("#!", File.ReadLines(path).First(), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Web_is_the_static_web_app_built_by_npm()
    {
        var web = yaml.Services["web"];
        Assert.Equal("staticwebapp", AzureYaml.Get(web, "host"));
        Assert.Equal("js", AzureYaml.Get(web, "language"));
        Assert.Equal("./web", AzureYaml.Get(web, "project"));
        Assert.Equal("dist", AzureYaml.Get(web, "dist"));

        var package = JsonNode.Parse(File.ReadAllText(Repo.Path("web", "package.json")))!;
        Assert.NotNull(package["scripts"]?["build"]);
        Assert.True(File.Exists(Repo.Path("web", "package-lock.json")), "web/package-lock.json is needed for a reproducible npm ci");
    }

    [Fact]
    public void Yaml_scalars_are_plain_strings()
    {
        // A guard against YAML surprises (e.g. `dist: no` turning into a boolean in other parsers).
        foreach (var (_, service) in yaml.Services)
        {
            foreach (var (key, value) in service.Children)
            {
                if (value is YamlScalarNode scalar)
                {
                    Assert.DoesNotMatch("^(yes|no|on|off|true|false|null|~)$", scalar.Value ?? "");
                }
            }
        }
    }
}
