namespace Tributary.Functions.OpenApi;

/// <summary>A query parameter an HTTP function reads from <c>HttpRequest.Query</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiQueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool Required { get; init; }

    /// <summary>A JSON schema <c>format</c>, e.g. <c>date-time</c>.</summary>
    public string? Format { get; init; }

    public string? Example { get; init; }
}
