namespace Tributary.Functions.OpenApi;

/// <summary>A request header an HTTP function reads itself (a signature, a timestamp, a source's own key).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiHeaderAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool Required { get; init; }
}
