using Microsoft.AspNetCore.Routing.Patterns;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// An HTTP function's route in OpenAPI form. The Functions host parses routes as ASP.NET Core route templates, so the
/// same parser is used here: constraints and defaults (<c>{id:int}</c>, <c>{name=x}</c>) are dropped from the path,
/// catch-alls (<c>{*rest}</c>) keep their name.
/// </summary>
internal sealed record RouteTemplate(string Path, IReadOnlyList<string> Parameters)
{
    public static RouteTemplate Parse(string routePrefix, string route)
    {
        var pattern = RoutePatternFactory.Parse(route);
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            _ => throw new InvalidOperationException($"Route '{route}' has a part OpenAPI cannot express: {part.GetType().Name}."),
        })));
        var prefix = routePrefix.Trim('/');
        var path = "/" + string.Join('/', prefix.Length > 0 ? segments.Prepend(prefix) : segments);
        return new RouteTemplate(path, [.. pattern.Parameters.Select(p => p.Name)]);
    }
}
