namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>One entry of a response's top-level <c>errors</c>, serialised like graphql-java's <c>toSpecification()</c>.</summary>
/// <param name="Path">Response keys and list indexes to the field that failed; null for request-level errors.</param>
internal sealed record GraphQLError(string Message, IReadOnlyList<SourceLocation> Locations, string Classification, IReadOnlyList<object>? Path = null)
{
    public const string ValidationError = "ValidationError";
    public const string InvalidSyntax = "InvalidSyntax";
    public const string BadRequestError = "BadRequestError";
    public const string DataFetchingException = "DataFetchingException";
    public const string OperationNotSupported = "OperationNotSupported";
    public const string ApiProcessingTimeout = "ApiProcessingTimeout";
    public const string ResponseTooLarge = "ResponseTooLarge";
    public const string InternalServerError = "InternalServerError";

    public static GraphQLError Validation(string type, IReadOnlyList<string> path, string description, SourceLocation location) =>
        new($"Validation error ({type}{(path.Count == 0 ? string.Empty : $"@[{string.Join('/', path)}]")}) : {description}", [location], ValidationError);

    /// <summary>A request-level error with no locations (400/422/500 bodies).</summary>
    public static GraphQLError Request(string message, string classification) => new(message, [], classification);
}
