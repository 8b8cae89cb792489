namespace Tributary.Functions.OpenApi;

/// <summary>A problem+json response an HTTP function can answer, with the status it uses.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiProblemAttribute(int statusCode, string description) : Attribute
{
    public int StatusCode { get; } = statusCode;

    public string Description { get; } = description;
}
