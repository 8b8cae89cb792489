using Tributary.Alerts;

namespace Tributary.Functions.Http;

/// <summary>The answer of <c>GET /api/v1/alerts</c>.</summary>
public sealed record AlertList(string State, string? Source, IReadOnlyList<AlertSummary> Alerts);
