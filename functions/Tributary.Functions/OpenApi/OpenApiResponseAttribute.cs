namespace Tributary.Functions.OpenApi;

/// <summary>
/// A response the typed return value cannot declare itself (e.g. a <c>JsonHttpResult</c> sent with a chosen status).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiResponseAttribute(int statusCode, Type bodyType, string description) : Attribute
{
    public int StatusCode { get; } = statusCode;

    public Type BodyType { get; } = bodyType;

    public string Description { get; } = description;
}
