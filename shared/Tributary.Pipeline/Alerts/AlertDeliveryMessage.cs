namespace Tributary.Alerts;

/// <summary>Queue <c>alerts-out</c>: deliver one event (<c>opened</c> or <c>resolved</c>) of one incident row.</summary>
public sealed record AlertDeliveryMessage(string Rule, string IncidentRowKey, string Event)
{
    public const string Opened = "opened";
    public const string ResolvedEvent = "resolved";
}
