namespace Tributary.Replay.OpenAq;

/// <summary>One pre-computed hourly mean, labelled by the END of its hour as OpenAQ does.</summary>
internal sealed record HourlyMean(DateTimeOffset HourEnd, double? Value, bool HasFlags, int ObservedCount)
{
    /// <summary>Raw readings per hour the stations are expected to deliver (every 15 minutes).</summary>
    public const int ExpectedCount = 4;

    public double PercentComplete => 100.0 * ObservedCount / ExpectedCount;
}
