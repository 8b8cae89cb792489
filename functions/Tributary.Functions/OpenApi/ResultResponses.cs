using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.WebUtilities;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// The responses of an HTTP function, read from its typed return value the way minimal APIs read them: each
/// <see cref="IEndpointMetadataProvider"/> result declares its status, body type and content types. Results that
/// cannot know their status statically are described by the function's <see cref="OpenApiProblemAttribute"/> and
/// <see cref="OpenApiResponseAttribute"/>s.
/// </summary>
internal static class ResultResponses
{
    public const string ProblemContentType = "application/problem+json";

    private static readonly string[] JsonContentTypes = ["application/json"];

    private static readonly MethodInfo PopulateMethod =
        typeof(ResultResponses).GetMethod(nameof(Populate), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IReadOnlyList<ResponseShape> Describe(HttpFunction function)
    {
        var shapes = new List<ResponseShape>();
        var undescribed = new List<Type>();
        var results = ResultTypes(function.Method.ReturnType);
        foreach (var result in results)
        {
            if (result.IsAssignableTo(typeof(IEndpointMetadataProvider)))
            {
                shapes.AddRange(FromMetadata(function.Method, result));
            }
            else if (result != typeof(ProblemHttpResult))
            {
                undescribed.Add(result);
            }
        }

        var problems = function.Attributes<OpenApiProblemAttribute>();
        if (results.Contains(typeof(ProblemHttpResult)) && problems.Length == 0)
        {
            throw new InvalidOperationException($"HTTP function '{function.Name}' can return a problem but declares no [OpenApiProblem] saying with which status.");
        }
        shapes.AddRange(problems.Select(p => new ResponseShape(p.StatusCode, typeof(ProblemDetails), [ProblemContentType], p.Description)));

        var declared = function.Attributes<OpenApiResponseAttribute>();
        if (undescribed.Count > 0 && declared.Length == 0)
        {
            throw new InvalidOperationException($"HTTP function '{function.Name}' returns {string.Join(", ", undescribed.Select(t => t.Name))}, which cannot declare its status; describe it with [OpenApiResponse].");
        }
        shapes.AddRange(declared.Select(r => new ResponseShape(r.StatusCode, r.BodyType, r.BodyType is null ? [] : r.ContentType is { } type ? [type] : JsonContentTypes, r.Description)));

        if (shapes.Count == 0)
        {
            throw new InvalidOperationException($"HTTP function '{function.Name}' documents no response.");
        }
        if (shapes.GroupBy(s => s.StatusCode).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException($"HTTP function '{function.Name}' documents status {duplicate.Key} more than once.");
        }
        return [.. shapes.OrderBy(s => s.StatusCode)];
    }

    /// <summary>The result types a function can return: <c>Task&lt;&gt;</c>/<c>ValueTask&lt;&gt;</c> unwrapped, then <c>Results&lt;...&gt;</c> split.</summary>
    private static IReadOnlyList<Type> ResultTypes(Type returnType)
    {
        var type = returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : returnType;
        var isUnion = type.IsGenericType && type.GetGenericTypeDefinition().FullName?.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal) == true;
        return isUnion ? type.GetGenericArguments() : [type];
    }

    private static IEnumerable<ResponseShape> FromMetadata(MethodInfo method, Type result)
    {
        var builder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
        PopulateMethod.MakeGenericMethod(result).Invoke(null, [method, builder]);
        return builder.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => new ResponseShape(
            m.StatusCode,
            m.Type is null || m.Type == typeof(void) ? null : m.Type,
            [.. m.ContentTypes],
            m.Description ?? ReasonPhrases.GetReasonPhrase(m.StatusCode)));
    }

    // The static abstract member can only be called through a type parameter constrained to the interface.
    private static void Populate<TResult>(MethodInfo method, EndpointBuilder builder) where TResult : IEndpointMetadataProvider =>
        TResult.PopulateMetadata(method, builder);
}
