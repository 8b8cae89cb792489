using Microsoft.OpenApi;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// How a caller authenticates: a function key (or, for admin operations, an admin key) in the <c>x-functions-key</c>
/// header or the <c>code</c> query parameter, or, for admin operations, a bearer JWT carrying the <c>admin</c> role.
/// Any one is enough, so each is a requirement of its own (alternatives).
/// </summary>
internal static class FunctionKeySecurity
{
    public const string HeaderScheme = "functionKey";
    public const string QueryScheme = "functionKeyQuery";
    public const string BearerScheme = "bearer";

    public static void AddSchemes(OpenApiDocument document, bool bearer)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-functions-key",
            Description = "A function key of this app; for admin operations, an admin key (the app's 'admin' host key in Azure, the master key locally).",
        };
        document.Components.SecuritySchemes[QueryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = "code",
            Description = "The same key as a query parameter, for clients that cannot set headers.",
        };
        if (bearer)
        {
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from the configured issuer (Entra ID in Azure) for this API's audience, carrying the 'admin' role in its 'roles' claim.",
            };
        }
    }

    /// <summary>The operation's requirement: the header key, the query key, or (admin operations) a bearer token.</summary>
    public static List<OpenApiSecurityRequirement> Requirement(OpenApiDocument document, bool bearer) =>
    [
        new() { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] },
        new() { [new OpenApiSecuritySchemeReference(QueryScheme, document)] = [] },
        .. bearer ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }] : Array.Empty<OpenApiSecurityRequirement>(),
    ];
}
