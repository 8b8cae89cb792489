using Tributary.Alerts;

namespace Tributary.Functions.Http;

/// <summary>The answer of <c>GET /api/v1/admin/alerts/rules</c>: the rules, and where deliveries go (scheme and host only).</summary>
public sealed record AlertRulesResponse(IReadOnlyList<AlertRule> Rules, string? Webhook, bool DeliverResolved);
