namespace Tributary.Functions.OpenApi;

/// <summary>
/// A response the typed return value cannot declare itself: a <c>JsonHttpResult</c> or <c>StatusCodeHttpResult</c>
/// sent with a status chosen at run time. <paramref name="bodyType"/> is null for a response without a body (304).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiResponseAttribute(int statusCode, Type? bodyType, string description) : Attribute
{
    public int StatusCode { get; } = statusCode;

    public Type? BodyType { get; } = bodyType;

    public string Description { get; } = description;

    /// <summary>The media type of the body; JSON unless given (e.g. <c>text/html</c>).</summary>
    public string? ContentType { get; init; }
}
