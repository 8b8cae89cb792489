namespace Tributary.Functions.OpenApi;

/// <summary>
/// Names and describes an HTTP function's operation in the OpenAPI document. Route, methods and authorization come
/// from the function's <c>HttpTrigger</c>, the responses from its typed <c>IResult</c> return type.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiOperationAttribute(string operationId, string summary) : Attribute
{
    public string OperationId { get; } = operationId;

    public string Summary { get; } = summary;

    public string? Description { get; init; }

    /// <summary>Groups operations in the interactive reference.</summary>
    public string Tag { get; init; } = "kpis";
}
