using System.Globalization;
using Tributary.Storage;

namespace Tributary.Alerts;

/// <summary>
/// A row of table <c>alerts</c>, PartitionKey the rule name. Two kinds of row share the partition, so both change
/// in one entity group transaction:
/// <list type="bullet">
/// <item>the incident, RowKey <c>i|{subject}|{incident start yyyyMMddTHHmmssZ}</c>: opened once, resolved once;</item>
/// <item>the open marker, RowKey <c>open|{subject}</c>: a copy of the incident that is open now. Its insert fails
/// while one is open, so a rule and subject never have two open incidents; resolving deletes it.</item>
/// </list>
/// </summary>
public sealed record AlertEntity : StoredEntity
{
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string MarkerPrefix = "open|";
    public const string IncidentPrefix = "i|";

    public string Rule { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>What the incident is about: a city, <c>{city}|{stop}</c>, a source, or <c>{source}|{change}|{field}</c>.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The source the rule watches; null for KPI rules.</summary>
    public string? Source { get; set; }
    public string State { get; set; } = Open;
    /// <summary>When the condition began, from the data (first breaching bucket, failed run, drift first seen, staleness onset).</summary>
    public DateTimeOffset IncidentStartUtc { get; set; }
    public DateTimeOffset OpenedUtc { get; set; }
    public DateTimeOffset? ResolvedUtc { get; set; }
    public string Detail { get; set; } = "";
    public string? ResolveDetail { get; set; }
    /// <summary>The incident row's RowKey (on the marker, where the incident is).</summary>
    public string IncidentRowKey { get; set; } = "";
    /// <summary>When the "opened" delivery message was queued; null until it is (a crash in between is caught up on the next evaluation).</summary>
    public DateTimeOffset? OpenQueuedUtc { get; set; }
    public DateTimeOffset? OpenDeliveredUtc { get; set; }
    public DateTimeOffset? ResolveQueuedUtc { get; set; }
    public DateTimeOffset? ResolveDeliveredUtc { get; set; }
    /// <summary>The last delivery's outcome: <c>delivered</c>, <c>not delivered: no webhook URL configured</c>, or the failure.</summary>
    public string? Delivery { get; set; }
    public int DeliveryAttempts { get; set; }

    public static string IncidentKey(string subject, DateTimeOffset start) =>
        TableKey.Join("i", subject, start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    public static string MarkerKey(string subject) => TableKey.Join("open", subject);

    public bool IsMarker => RowKey.StartsWith(MarkerPrefix, StringComparison.Ordinal);

    public AlertSummary ToSummary() => new(Rule, State, State == Resolved && ResolvedUtc is { } r ? r : IncidentStartUtc, Detail)
    {
        Kind = Kind,
        Subject = Subject,
        Source = Source,
        OpenedUtc = OpenedUtc,
        ResolvedUtc = ResolvedUtc,
        Delivery = Delivery,
    };
}
