namespace Tributary.Replay;

/// <summary>A replay request (or replay id) that cannot be served as asked; the message names the parameter at fault.</summary>
public sealed class RawReplayException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
