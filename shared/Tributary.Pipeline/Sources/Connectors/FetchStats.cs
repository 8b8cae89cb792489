namespace Tributary.Sources.Connectors;

/// <summary>What a fetch cost: requests sent, time spent waiting for rate budgets, and items skipped as unchanged.</summary>
public sealed class FetchStats
{
    private long _waitTicks;
    private int _requests;

    public int Requests => _requests;

    public TimeSpan RateLimitWait => TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks));

    public void AddRequest() => Interlocked.Increment(ref _requests);

    public void AddWait(TimeSpan wait) => Interlocked.Add(ref _waitTicks, wait.Ticks);
}
