namespace Tributary.LocalHost.Invocations;

/// <summary>
/// The invocations made so far, for operators (logged) and tests (which wait on a condition instead of sleeping,
/// and can replay a recorded payload).
/// </summary>
public sealed class InvocationLog
{
    private readonly List<InvocationRecord> _records = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<InvocationRecord> Snapshot()
    {
        lock (_gate) return _records.ToList();
    }

    public void Add(InvocationRecord record)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _records.Add(record);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the records, or throws after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<InvocationRecord>> WaitForAsync(Func<IReadOnlyList<InvocationRecord>, bool> condition, TimeSpan timeout, string description)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            IReadOnlyList<InvocationRecord> records;
            lock (_gate)
            {
                records = _records.ToList();
                changed = _changed.Task;
            }
            if (condition(records)) return records;
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {description}. Invocations so far: " +
                    string.Join("; ", records.Select(r => $"{r.FunctionName} {(r.Succeeded ? "ok" : "failed: " + r.Error)}")));
            }
        }
    }
}
