using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>A GraphQL request body: the query, the variables object (if any) and the operation name.</summary>
internal sealed record GraphQLRequest(string Query, JsonElement? Variables, string? OperationName);

/// <summary>A body the server refuses before looking at the query (HTTP 400 or 415).</summary>
internal sealed class GraphQLRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// Reads the body like OTP's <c>TransmodelAPI</c>: JSON <c>{"query","variables","operationName"}</c> (variables may also
/// be a JSON string), or <c>application/graphql</c> with the raw query.
/// </summary>
internal static class GraphQLRequestReader
{
    public const string NoQuery = "No query found in body";
    public const string InvalidQueryFormat = "Invalid format for query";
    public const string InvalidVariables = "Variables must be a valid json object";

    /// <exception cref="GraphQLRequestException">The vendor would refuse the body.</exception>
    public static async Task<GraphQLRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            throw new GraphQLRequestException(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json or application/graphql");
        }

        var encoding = Encoding.UTF8;
        using var reader = new StreamReader(request.Body, encoding);
        var text = await reader.ReadToEndAsync(cancellationToken);

        switch (contentType.MediaType?.ToLowerInvariant())
        {
            case "application/graphql":
                return new GraphQLRequest(text, null, null);
            case "application/json":
                break;
            default:
                throw new GraphQLRequestException(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json or application/graphql");
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "Unable to process JSON");
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("query", out var query))
        {
            throw new GraphQLRequestException(StatusCodes.Status400BadRequest, NoQuery);
        }

        if (query.ValueKind != JsonValueKind.String)
        {
            throw new GraphQLRequestException(StatusCodes.Status400BadRequest, InvalidQueryFormat);
        }

        JsonElement? variables = null;
        if (body.TryGetProperty("variables", out var given))
        {
            if (given.ValueKind == JsonValueKind.Object)
            {
                variables = given;
            }
            else if (given.ValueKind == JsonValueKind.String && given.GetString() is { Length: > 0 } variablesText)
            {
                try
                {
                    using var parsed = JsonDocument.Parse(variablesText);
                    variables = parsed.RootElement.ValueKind == JsonValueKind.Object
                        ? parsed.RootElement.Clone()
                        : throw new GraphQLRequestException(StatusCodes.Status400BadRequest, InvalidVariables);
                }
                catch (JsonException)
                {
                    throw new GraphQLRequestException(StatusCodes.Status400BadRequest, InvalidVariables);
                }
            }
        }

        string? operationName = null;
        if (body.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            operationName = name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "Invalid format for operationName");
        }

        return new GraphQLRequest(query.GetString()!, variables, string.IsNullOrEmpty(operationName) ? null : operationName);
    }
}
