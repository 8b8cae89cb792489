namespace Tributary.LocalHost.Triggers;

/// <summary>
/// The queue listener's polling delay: from 100 ms, roughly doubling with ±20% jitter after each empty poll, capped
/// at <c>maxPollingInterval</c>, and back to 100 ms after a poll that found messages (the host's strategy).
/// </summary>
public sealed class PollingBackoff(TimeSpan maximum)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);

    private TimeSpan _current = Minimum;

    public TimeSpan Current => _current;

    public TimeSpan NextDelay()
    {
        var delay = _current;
        var jitter = 0.8 + Random.Shared.NextDouble() * 0.4;
        var grown = TimeSpan.FromMilliseconds(_current.TotalMilliseconds * 2 * jitter);
        var cap = maximum < Minimum ? Minimum : maximum;
        _current = grown > cap ? cap : grown < Minimum ? Minimum : grown;
        return delay;
    }

    public void Reset() => _current = Minimum;
}
