namespace Tributary.Testing;

/// <summary>Paths inside the repository, found by walking up from the test binaries to Tributary.slnx.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tributary.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Tributary.slnx above {AppContext.BaseDirectory}.");
    }
}
