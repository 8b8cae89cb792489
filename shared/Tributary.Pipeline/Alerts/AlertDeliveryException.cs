namespace Tributary.Alerts;

/// <summary>The webhook did not take an event; the message is retried by its queue.</summary>
public sealed class AlertDeliveryException(string message) : Exception(message);
