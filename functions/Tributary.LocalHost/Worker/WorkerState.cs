using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Worker;

/// <summary>A started and loaded worker: where to send invocations and HTTP requests, and what failed to load.</summary>
public sealed record WorkerState(
    WorkerChannel Channel,
    WorkerProcess Process,
    IReadOnlyDictionary<string, FunctionMetadata> Functions,
    IReadOnlyDictionary<string, string> LoadFailures,
    Uri? HttpUri,
    IReadOnlyDictionary<string, string> Capabilities);
