namespace Tributary.Functions.OpenApi;

/// <summary>
/// The request body an HTTP function reads itself (from <c>HttpRequest.Body</c>, so no parameter declares it): its
/// media type and, for JSON, the type whose schema describes it. <paramref name="bodyType"/> null means an opaque
/// body of that media type (e.g. CSV text).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiRequestBodyAttribute(string contentType, Type? bodyType, string description) : Attribute
{
    public string ContentType { get; } = contentType;

    public Type? BodyType { get; } = bodyType;

    public string Description { get; } = description;
}
