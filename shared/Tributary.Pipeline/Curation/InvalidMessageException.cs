namespace Tributary.Curation;

/// <summary>A queue message that is not what its stage expects; it fails, is retried and ends in the poison queue.</summary>
public sealed class InvalidMessageException(string message) : Exception(message);
