namespace Tributary.Sources;

/// <summary>A whole page is unreadable. Retrying cannot help, so the page goes to quarantine instead.</summary>
public sealed class MalformedPayloadException(string message, Exception? inner = null) : Exception(message, inner);
