namespace Tributary.Functions.Http;

/// <summary>The body of <c>/api/health</c>: the overall status and each check's.</summary>
public sealed record HealthReportResponse(string Status, IReadOnlyList<HealthCheckEntry> Checks);
