using System.Text.Json.Nodes;

namespace Tributary.LocalHost.Worker;

/// <summary>
/// The app's <c>worker.config.json</c> (written by the Worker.Sdk into the build and publish output), read as the
/// host reads it: language, executable, worker path and arguments, with <c>%ENV%</c> expansion and
/// <c>{WorkerRoot}</c> standing for the app folder (self-contained builds start the apphost).
/// </summary>
public sealed record WorkerConfig(
    string Language,
    string ExecutablePath,
    IReadOnlyList<string> Arguments,
    string? WorkerPath,
    IReadOnlyList<string> WorkerArguments,
    bool WorkerIndexing)
{
    public const string FileName = "worker.config.json";

    public static WorkerConfig Load(string appRoot)
    {
        var path = Path.Combine(appRoot, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No {FileName} in the app root '{appRoot}'. Point --app-root at the build output of an isolated worker app (dotnet build writes it).");
        }
        var description = JsonNode.Parse(File.ReadAllText(path))?["description"]
            ?? throw new InvalidOperationException($"{path} has no 'description' object.");
        string Required(string name) => description[name]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{path}: description.{name} is required.");
        IReadOnlyList<string> List(string name) => description[name]?.AsArray().Select(a => Expand(a!.GetValue<string>(), appRoot)).ToList() ?? [];

        var workerPath = description["defaultWorkerPath"]?.GetValue<string>() is { Length: > 0 } w
            ? Path.GetFullPath(Path.Combine(appRoot, Expand(w, appRoot)))
            : null;
        var executable = Expand(Required("defaultExecutablePath"), appRoot);
        if (Path.IsPathRooted(executable) && !File.Exists(executable))
        {
            throw new InvalidOperationException($"{path}: defaultExecutablePath '{executable}' does not exist.");
        }
        return new WorkerConfig(
            Required("language"),
            executable,
            List("arguments"),
            workerPath,
            List("workerArguments"),
            // The Sdk writes the string "true"; the host accepts a JSON boolean as well.
            string.Equals(description["workerIndexing"]?.ToString(), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static string Expand(string value, string appRoot) =>
        Environment.ExpandEnvironmentVariables(value.Replace("{WorkerRoot}", appRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
