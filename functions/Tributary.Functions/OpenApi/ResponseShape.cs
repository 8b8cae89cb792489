namespace Tributary.Functions.OpenApi;

/// <summary>One documented response: status, body type (null for none) and the media types it is sent as.</summary>
internal sealed record ResponseShape(int StatusCode, Type? BodyType, IReadOnlyList<string> ContentTypes, string Description);
