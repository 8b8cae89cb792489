namespace Tributary.Functions.Http;

/// <summary>One health check's outcome.</summary>
public sealed record HealthCheckEntry(string Name, string Status, string? Description, double DurationMs);
