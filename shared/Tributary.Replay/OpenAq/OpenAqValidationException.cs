namespace Tributary.Replay.OpenAq;

/// <summary>A query parameter the API refuses: answered 422 with the message as a JSON string.</summary>
internal sealed class OpenAqValidationException(string message) : Exception(message);
