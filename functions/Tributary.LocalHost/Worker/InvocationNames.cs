using System.Collections.Concurrent;

namespace Tributary.LocalHost.Worker;

/// <summary>Which function an invocation id belongs to, while it runs (so worker logs can name it, and operators see what runs).</summary>
public sealed class InvocationNames
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    public void Add(string invocationId, string functionName) => _names[invocationId] = functionName;

    public void Remove(string invocationId) => _names.TryRemove(invocationId, out _);

    public string? Get(string invocationId) => _names.TryGetValue(invocationId, out var name) ? name : null;

    /// <summary>How many invocations of <paramref name="functionName"/> are running now.</summary>
    public int Running(string functionName) => _names.Values.Count(n => string.Equals(n, functionName, StringComparison.OrdinalIgnoreCase));
}
