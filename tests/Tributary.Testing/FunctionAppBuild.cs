namespace Tributary.Testing;

/// <summary>
/// The function app's own build output (what <c>dotnet build</c> of functions/Tributary.Functions writes: the
/// worker, host.json, worker.config.json, functions.metadata, the manifests), in the configuration the tests were
/// built in. The local host under test starts the worker from here, as Core Tools would.
/// </summary>
public static class FunctionAppBuild
{
    public static string Configuration { get; } = FindConfiguration();

    public static string Folder { get; } = RepoPaths.Combine("functions", "Tributary.Functions", "bin", Configuration, "net10.0");

    public static string File(string name)
    {
        var path = Path.Combine(Folder, name);
        return System.IO.File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build functions/Tributary.Functions ({Configuration}) first; the test projects reference it, so 'dotnet test' does.");
    }

    // The tests run from tests/<project>/bin/<Configuration>/net10.0/.
    private static string FindConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
}
