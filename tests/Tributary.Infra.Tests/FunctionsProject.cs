using System.Xml.Linq;

namespace Tributary.Infra.Tests;

/// <summary>The function app's project file, read as MSBuild XML (no evaluation: only the properties tests need).</summary>
internal static class FunctionsProject
{
    public static string Directory => Repo.Path("functions", "Tributary.Functions");

    /// <summary>The target framework the project sets, or else the one Directory.Build.props gives every project.</summary>
    public static string TargetFramework()
    {
        var project = Assert.Single(System.IO.Directory.GetFiles(Directory, "*.csproj"));
        return Property(project, "TargetFramework")
               ?? Property(Repo.Path("Directory.Build.props"), "TargetFramework")
               ?? throw new InvalidOperationException($"{project} has no TargetFramework, nor has Directory.Build.props");
    }

    private static string? Property(string file, string name) =>
        XDocument.Load(file).Descendants(name).Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0);
}
