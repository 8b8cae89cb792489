using System.Collections.Concurrent;

namespace Tributary.LocalHost.Worker;

/// <summary>The channels of the workers this host started, by worker id; a stream from any other id is refused.</summary>
public sealed class WorkerChannels
{
    private readonly ConcurrentDictionary<string, WorkerChannel> _channels = new(StringComparer.Ordinal);

    public void Add(WorkerChannel channel) => _channels[channel.WorkerId] = channel;

    public bool TryGet(string workerId, out WorkerChannel channel) => _channels.TryGetValue(workerId, out channel!);

    public void Remove(string workerId) => _channels.TryRemove(workerId, out _);
}
