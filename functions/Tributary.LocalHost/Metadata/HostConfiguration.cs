using System.Globalization;
using System.Text.Json.Nodes;

namespace Tributary.LocalHost.Metadata;

/// <summary>
/// The parts of host.json the local host honours, with the host's defaults. App settings named
/// <c>AzureFunctionsJobHost__path__to__key</c> override host.json values, as they do in Azure.
/// </summary>
public sealed record HostConfiguration(
    string RoutePrefix,
    TimeSpan FunctionTimeout,
    QueueSettings Queues,
    IReadOnlyDictionary<string, LogLevel> LogLevels)
{
    private const string OverridePrefix = "AzureFunctionsJobHost__";

    public static HostConfiguration Load(string appRoot, AppSettings settings)
    {
        var path = Path.Combine(appRoot, "host.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No host.json in the app root '{appRoot}'. Point --app-root at the built function app.");
        }
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })?.AsObject()
            ?? throw new InvalidOperationException($"{path} is not a JSON object.");
        foreach (var (name, value) in settings.Values)
        {
            if (name.StartsWith(OverridePrefix, StringComparison.OrdinalIgnoreCase))
            {
                Set(root, name[OverridePrefix.Length..].Split("__"), value);
            }
        }

        if (root["customHandler"] is not null)
        {
            throw new InvalidOperationException($"{path} has a customHandler section; the local host runs isolated worker apps (worker.config.json) only.");
        }
        var queues = root["extensions"]?["queues"];
        var logLevels = root["logging"]?["logLevel"] as JsonObject;
        return new HostConfiguration(
            root["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api",
            Span(root["functionTimeout"], TimeSpan.FromMinutes(30), "functionTimeout"),
            new QueueSettings(
                Int(queues?["batchSize"], 16, "extensions.queues.batchSize", 1, 32),
                Int(queues?["maxDequeueCount"], 5, "extensions.queues.maxDequeueCount", 1, int.MaxValue),
                Span(queues?["visibilityTimeout"], TimeSpan.Zero, "extensions.queues.visibilityTimeout"),
                Span(queues?["maxPollingInterval"], TimeSpan.FromMinutes(1), "extensions.queues.maxPollingInterval"),
                (queues?["messageEncoding"]?.GetValue<string>() ?? "base64").ToLowerInvariant() switch
                {
                    "base64" => true,
                    "none" => false,
                    var other => throw new InvalidOperationException($"host.json extensions.queues.messageEncoding '{other}' must be 'base64' or 'none'."),
                }),
            logLevels?.Select(p => (p.Key, Level(p.Value, $"logging.logLevel.{p.Key}"))).ToDictionary(p => p.Key, p => p.Item2, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, LogLevel>());
    }

    private static void Set(JsonObject root, string[] path, string value)
    {
        var node = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            var key = Find(node, path[i]);
            if (node[key] is not JsonObject child)
            {
                child = new JsonObject();
                node[key] = child;
            }
            node = child;
        }
        node[Find(node, path[^1])] = value;
    }

    // host.json keys are matched case-insensitively by the host.
    private static string Find(JsonObject node, string key) => node.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;

    private static LogLevel Level(JsonNode? node, string name) =>
        Enum.TryParse<LogLevel>(node?.ToString(), ignoreCase: true, out var level)
            ? level
            : throw new InvalidOperationException($"host.json {name} '{node}' must be a log level (Trace, Debug, Information, Warning, Error, Critical, None).");

    private static int Int(JsonNode? node, int fallback, string name, int min, int max)
    {
        if (node is null) return fallback;
        return int.TryParse(node.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new InvalidOperationException($"host.json {name} '{node}' must be an integer in {min}..{max}.");
    }

    private static TimeSpan Span(JsonNode? node, TimeSpan fallback, string name)
    {
        if (node is null) return fallback;
        return TimeSpan.TryParse(node.ToString(), CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new InvalidOperationException($"host.json {name} '{node}' must be a time span such as 00:00:30.");
    }
}

/// <summary>host.json <c>extensions.queues</c>.</summary>
/// <param name="Base64">True when messages are base64 text (<c>messageEncoding: base64</c>, the default).</param>
public sealed record QueueSettings(int BatchSize, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, bool Base64);
