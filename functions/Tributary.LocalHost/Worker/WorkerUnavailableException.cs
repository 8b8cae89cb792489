namespace Tributary.LocalHost.Worker;

/// <summary>The worker process is not there to answer: it did not start, crashed, or its stream ended.</summary>
public sealed class WorkerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
