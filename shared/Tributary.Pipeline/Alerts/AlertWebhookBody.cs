namespace Tributary.Alerts;

/// <summary>What the outgoing webhook receives: one event of one incident. <see cref="Id"/> is the same for every delivery of it.</summary>
public sealed record AlertWebhookBody(
    string Id,
    string Event,
    string Rule,
    string Kind,
    string Subject,
    string? Source,
    string State,
    DateTimeOffset IncidentStartUtc,
    DateTimeOffset OpenedUtc,
    DateTimeOffset? ResolvedUtc,
    string Detail,
    string? ResolveDetail);
