namespace Tributary.Replay.Hosting;

/// <summary>
/// The clock every vendor reads "now" from. Wrapped rather than registering <see cref="TimeProvider"/> itself,
/// so a fake clock in tests only moves the vendors' notion of time, not ASP.NET Core internals.
/// </summary>
internal sealed class ReplayClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow();
}
