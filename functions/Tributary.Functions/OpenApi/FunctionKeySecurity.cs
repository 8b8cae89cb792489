using Microsoft.OpenApi;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// How a caller presents a function key (or the master key) to a non-anonymous function: the
/// <c>x-functions-key</c> header, or the <c>code</c> query parameter. Either one is enough, so they are two schemes
/// offered as alternatives.
/// </summary>
internal static class FunctionKeySecurity
{
    public const string HeaderScheme = "functionKey";
    public const string QueryScheme = "functionKeyQuery";

    public static void AddSchemes(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-functions-key",
            Description = "A function key (or the host's master key) for this function app.",
        };
        document.Components.SecuritySchemes[QueryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = "code",
            Description = "The same key as a query parameter, for clients that cannot set headers.",
        };
    }

    /// <summary>The operation's requirement: the header scheme or the query scheme.</summary>
    public static List<OpenApiSecurityRequirement> Requirement(OpenApiDocument document) =>
    [
        new() { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] },
        new() { [new OpenApiSecuritySchemeReference(QueryScheme, document)] = [] },
    ];
}
