using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

[assembly: AssemblyFixture(typeof(Tributary.Infra.Tests.BicepOutput))]

namespace Tributary.Infra.Tests;

/// <summary>
/// Runs the real Bicep CLI once for the whole test run: `bicep build` and `bicep lint` over every .bicep file
/// under infra/ (with infra/bicepconfig.json), keeping the compiled ARM JSON and every diagnostic line.
/// </summary>
public sealed partial class BicepOutput : IAsyncLifetime
{
    private const string Pattern = "infra/**/*.bicep";

    public string OutputDirectory { get; } =
        Directory.CreateTempSubdirectory("tributary-bicep-").FullName;

    public ProcessResult Build { get; private set; } = null!;

    public ProcessResult Lint { get; private set; } = null!;

    /// <summary>Every .bicep file under infra/, relative to the repository root with '/' separators.</summary>
    public static IReadOnlyList<string> BicepFiles() =>
        Directory.EnumerateFiles(Repo.Path("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public async ValueTask InitializeAsync()
    {
        var build = BicepCli.RunAsync("build", "--pattern", Pattern, "--outdir", OutputDirectory);
        var lint = BicepCli.RunAsync("lint", "--pattern", Pattern);
        Build = await build;
        Lint = await lint;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Diagnostic lines (`path(line,col) : Level code: message`) about one file.</summary>
    public static IReadOnlyList<string> DiagnosticsFor(ProcessResult result, string relativeFile)
    {
        var full = Repo.Path(relativeFile.Split('/'));
        return (result.StandardOutput + "\n" + result.StandardError)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith(full + "(", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Every diagnostic line, whatever file it is about.</summary>
    public static IReadOnlyList<string> AllDiagnostics(ProcessResult result) =>
        (result.StandardOutput + "\n" + result.StandardError)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    /// <summary>The compiled ARM template of a Bicep file (the build keeps the folder layout below infra/).</summary>
    public JsonObject Compiled(string relativeBicepFile)
    {
        var underInfra = Path.GetRelativePath("infra", relativeBicepFile);
        var json = Path.Combine(OutputDirectory, Path.ChangeExtension(underInfra, ".json"));
        if (!File.Exists(json))
        {
            throw new FileNotFoundException($"bicep build wrote no {json} for {relativeBicepFile}.\n{Build.Describe("bicep build")}");
        }

        return JsonNode.Parse(File.ReadAllText(json))!.AsObject();
    }

    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Error|Warning|Info)\b")]
    private static partial Regex DiagnosticLine();
}
