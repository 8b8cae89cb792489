namespace Tributary.Sources.Manifests;

/// <summary>Timeouts, retries (jittered exponential backoff honouring Retry-After and rate-limit headers) and a circuit breaker per source.</summary>
public sealed class ResilienceSpec
{
    public int AttemptTimeoutSeconds { get; set; } = 30;

    public int TotalTimeoutSeconds { get; set; } = 180;

    public int MaxRetries { get; set; } = 3;

    public double BaseDelaySeconds { get; set; } = 1;

    /// <summary>Break the circuit when at least this share of calls failed in the sampling window.</summary>
    public double BreakFailureRatio { get; set; } = 0.5;

    public int BreakDurationSeconds { get; set; } = 30;
}
