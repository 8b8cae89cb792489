using System.Text.RegularExpressions;

namespace Tributary.Infra.Tests;

/// <summary>Every Bicep file compiles and lints with the real Bicep CLI, with no errors and no warnings.</summary>
public sealed class BicepCompileAndLintTests(BicepOutput bicep)
{
    public static TheoryData<string> Files() => new(BicepOutput.BicepFiles());

    [Fact]
    public void The_infra_folder_holds_main_and_local_modules_only()
    {
        var files = BicepOutput.BicepFiles();

        Assert.Contains("infra/main.bicep", files);
        Assert.Contains(files, f => f.StartsWith("infra/modules/", StringComparison.Ordinal));
        var modulesOfMain = 0;
        foreach (var file in files)
        {
            var directory = Path.GetDirectoryName(Repo.Path(file.Split('/')))!;
            var text = File.ReadAllText(Repo.Path(file.Split('/')));
            // Registry modules (br:, br/public:, ts:) cannot be restored on these machines; modules are local files.
            foreach (Match module in Regex.Matches(text, @"^\s*module\s+\w+\s+'([^']+)'", RegexOptions.Multiline))
            {
                var reference = module.Groups[1].Value;
                Assert.DoesNotMatch(@"^(br|ts)[:/]", reference);
                Assert.True(File.Exists(Path.Combine(directory, reference)), $"{file}: module '{reference}' is not a local file");
                modulesOfMain += file == "infra/main.bicep" ? 1 : 0;
            }
        }

        Assert.Equal(files.Count(f => f.StartsWith("infra/modules/", StringComparison.Ordinal)), modulesOfMain);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Builds_without_errors_or_warnings(string file)
    {
        Assert.Empty(BicepOutput.DiagnosticsFor(bicep.Build, file));
        Assert.NotNull(bicep.Compiled(file)["$schema"]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Lints_without_errors_or_warnings(string file)
    {
        Assert.Empty(BicepOutput.DiagnosticsFor(bicep.Lint, file));
    }

    [Fact]
    public void The_cli_succeeds_with_no_diagnostics_at_all()
    {
        Assert.True(bicep.Build.ExitCode == 0, bicep.Build.Describe("bicep build"));
        Assert.True(bicep.Lint.ExitCode == 0, bicep.Lint.Describe("bicep lint"));
        Assert.Empty(BicepOutput.AllDiagnostics(bicep.Build));
        Assert.Empty(BicepOutput.AllDiagnostics(bicep.Lint));
    }

    [Fact]
    public void The_linter_configuration_makes_the_security_rules_errors()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.Path("infra", "bicepconfig.json")))!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();
        foreach (var rule in new[]
                 {
                     "outputs-should-not-contain-secrets", "secure-parameter-default", "secure-params-in-nested-deploy",
                     "use-secure-value-for-secure-inputs", "no-hardcoded-env-urls",
                 })
        {
            Assert.Equal("error", (string?)rules[rule]?["level"]);
        }
    }
}
