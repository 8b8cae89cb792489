namespace Tributary.Replay.OpenMeteo;

/// <summary>A request the vendor rejects with HTTP 400; the message is the vendor's <c>reason</c> text.</summary>
internal sealed class OpenMeteoRequestException(string reason) : Exception(reason);
