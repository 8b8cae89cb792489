namespace Tributary.Replay.RateLimiting;

/// <summary>
/// Usage per key within fixed clock windows (minute, hour, day, ... aligned to the Unix epoch), the way vendors that
/// "reset at the top of the hour" count. All counts drop together when the clock enters the next window.
/// </summary>
internal sealed class FixedWindowCounter<TKey>(TimeSpan window, TimeProvider time)
    where TKey : notnull
{
    private readonly long _windowSeconds = (long)window.TotalSeconds > 0
        ? (long)window.TotalSeconds
        : throw new ArgumentOutOfRangeException(nameof(window), window, "A window must last at least one second.");

    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, double> _usage = [];
    private long _currentWindow = long.MinValue;

    public double UsageOf(TKey key)
    {
        lock (_gate)
        {
            EnterCurrentWindow();
            return _usage.GetValueOrDefault(key);
        }
    }

    public void Add(TKey key, double amount)
    {
        lock (_gate)
        {
            EnterCurrentWindow();
            _usage[key] = _usage.GetValueOrDefault(key) + amount;
        }
    }

    private void EnterCurrentWindow()
    {
        var windowIndex = Math.DivRem(time.GetUtcNow().ToUnixTimeSeconds(), _windowSeconds, out var remainder);
        if (remainder < 0)
        {
            windowIndex--;
        }

        if (windowIndex != _currentWindow)
        {
            _usage.Clear();
            _currentWindow = windowIndex;
        }
    }
}
