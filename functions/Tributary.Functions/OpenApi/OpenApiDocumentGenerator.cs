using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.1 document of the app's HTTP functions from the code itself: routes, methods and
/// authorization from each <c>HttpTrigger</c>, responses from the typed <c>IResult</c> return values, schemas from
/// System.Text.Json with the options responses are written with, wording from the <c>OpenApi*</c> attributes.
/// </summary>
public sealed class OpenApiDocumentGenerator
{
    public const string DocumentName = "v1";

    private readonly Assembly _functions = typeof(OpenApiDocumentGenerator).Assembly;
    private readonly JsonSerializerOptions _writerOptions;
    private readonly string _routePrefix;
    private readonly Lazy<string> _json;
    private readonly Lazy<JsonObject> _tree;

    /// <param name="json">The ASP.NET Core JSON options the typed results serialize with (web defaults unless configured).</param>
    public OpenApiDocumentGenerator(IOptions<JsonOptions> json)
    {
        _writerOptions = json.Value.SerializerOptions;
        _routePrefix = HostRoutePrefix.Read(AppContext.BaseDirectory);
        // The functions cannot change while the process runs, so the document is built and serialized once.
        _json = new Lazy<string>(() => Serialize(Generate()));
        _tree = new Lazy<JsonObject>(() => JsonNode.Parse(_json.Value)!.AsObject());
    }

    /// <summary>The route prefix the paths are relative to; the server URL ends with it.</summary>
    public string RoutePrefix => _routePrefix;

    /// <summary>The document serialized as OpenAPI 3.1 JSON, with the relative server <c>/{routePrefix}</c> (the committed snapshot).</summary>
    public string Json => _json.Value;

    /// <summary>The document with <paramref name="serverUrl"/> (e.g. <c>https://app.example/api</c>) as its one server.</summary>
    public string JsonFor(string serverUrl)
    {
        var document = _tree.Value.DeepClone().AsObject();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl });
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A fresh document model.</summary>
    public OpenApiDocument Generate()
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Tributary KPI API",
                Version = DocumentName,
                Description = "KPI series and their catalog for the public dashboard, health for operations, and admin routes " +
                              "(backfill, replay from raw) that need an admin key or an admin bearer token. Errors are problem+json (RFC 9457); " +
                              "times are UTC ISO-8601. Public routes are rate limited per client (429 with Retry-After); answers are compressed " +
                              "(br, gzip) when asked for.",
            },
            // Paths are relative to the host's route prefix; the served document names the real origin in front of it.
            Servers = [new OpenApiServer { Url = "/" + _routePrefix.Trim('/') }],
            Paths = [],
            Components = new OpenApiComponents(),
        };
        var schemas = new SchemaComponents(document, _writerOptions);
        var functions = HttpFunction.FindAll(_functions);
        if (functions.Any(f => f.RequiresKey || f.IsAdmin)) FunctionKeySecurity.AddSchemes(document, bearer: functions.Any(f => f.IsAdmin));

        var routed = functions.Select(f => (Function: f, Route: RouteTemplate.Parse("", f.Route)));
        foreach (var (function, route) in routed.OrderBy(r => r.Route.Path, StringComparer.Ordinal))
        {
            if (!document.Paths.TryGetValue(route.Path, out var item))
            {
                item = new OpenApiPathItem { Operations = [] };
                document.Paths.Add(route.Path, item);
            }
            var operations = ((OpenApiPathItem)item).Operations!;
            foreach (var method in function.HttpMethods)
            {
                if (!operations.TryAdd(method, Operation(document, schemas, function, route)))
                {
                    throw new InvalidOperationException($"HTTP function '{function.Name}' answers {method} {route.Path}, which another function already does.");
                }
            }
        }

        // Components in name order, so the document reads (and diffs) the same however the functions are ordered.
        document.Components.Schemas = new SortedDictionary<string, IOpenApiSchema>(document.Components.Schemas ?? new Dictionary<string, IOpenApiSchema>(), StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(
            functions.Select(f => f.Operation.Tag).Distinct().Order(StringComparer.Ordinal).Select(tag => new OpenApiTag { Name = tag }));
        return document;
    }

    private static OpenApiOperation Operation(OpenApiDocument document, SchemaComponents schemas, HttpFunction function, RouteTemplate route)
    {
        var attribute = function.Operation;
        var responses = ResultResponses.Describe(function);
        var operation = new OpenApiOperation
        {
            OperationId = attribute.OperationId,
            Summary = attribute.Summary,
            Description = attribute.Description,
            Tags = new HashSet<OpenApiTagReference> { new(attribute.Tag, document) },
            Parameters = [.. route.Parameters.Select(PathParameter), .. function.Attributes<OpenApiQueryAttribute>().Select(QueryParameter),
                .. function.Attributes<OpenApiHeaderAttribute>().Select(HeaderParameter)],
            Responses = [],
            Security = function.RequiresKey || function.IsAdmin ? FunctionKeySecurity.Requirement(document, bearer: function.IsAdmin) : null,
        };
        if (function.Attributes<OpenApiRequestBodyAttribute>() is { Length: > 0 } bodies)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = string.Join(" ", bodies.Select(b => b.Description).Distinct(StringComparer.Ordinal)),
                Content = bodies.ToDictionary(b => b.ContentType, IOpenApiMediaType (b) => new OpenApiMediaType
                {
                    Schema = b.BodyType is { } type ? schemas.SchemaFor(type) : StringSchema(),
                }),
            };
        }
        responses = [.. responses.Concat(PlatformResponses(function, responses)).OrderBy(r => r.StatusCode)];
        var revalidates = responses.Any(r => r.StatusCode == StatusCodes.Status304NotModified);
        if (revalidates) operation.Parameters.Add(IfNoneMatch());

        foreach (var shape in responses)
        {
            var response = new OpenApiResponse { Description = shape.Description };
            if (shape.BodyType is { } body)
            {
                var schema = schemas.SchemaFor(body);
                response.Content = shape.ContentTypes.ToDictionary(c => c, IOpenApiMediaType (_) => new OpenApiMediaType { Schema = schema });
            }
            if (shape.StatusCode == StatusCodes.Status429TooManyRequests)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds until the client's allowance renews.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                };
            }
            if (revalidates && shape.StatusCode == StatusCodes.Status200OK)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["ETag"] = new OpenApiHeader { Description = "Weak validator of the body (RFC 9110); send it back in If-None-Match.", Schema = StringSchema() },
                };
            }
            operation.Responses.Add(shape.StatusCode.ToString(CultureInfo.InvariantCulture), response);
        }
        return operation;
    }

    /// <summary>
    /// The answers of the worker's HTTP platform rather than of the function: the admin gate's 401/403 on admin
    /// operations, the rate limiter's 429 on public ones, and the request limits' 413/414/431 everywhere.
    /// </summary>
    private static IEnumerable<ResponseShape> PlatformResponses(HttpFunction function, IReadOnlyList<ResponseShape> declared)
    {
        var problem = new[] { ResultResponses.ProblemContentType };
        var shapes = new List<ResponseShape>();
        if (function.IsAdmin)
        {
            shapes.Add(new(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem, "No admin key and no valid bearer token (WWW-Authenticate says which scheme)."));
            shapes.Add(new(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem, "A valid bearer token without the 'admin' role."));
        }
        if (function.RateLimited)
        {
            shapes.Add(new(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem, "This client used up its requests for the minute; Retry-After says when to try again."));
        }
        shapes.Add(new(StatusCodes.Status413PayloadTooLarge, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem, "The request body is over the limit."));
        shapes.Add(new(StatusCodes.Status414UriTooLong, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem, "The request target is over the limit."));
        shapes.Add(new(StatusCodes.Status431RequestHeaderFieldsTooLarge, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem, "The request headers are over the limit."));
        shapes.Add(new(StatusCodes.Status500InternalServerError, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), problem, "The function failed; the problem names the invocation, the logs have the details."));
        return shapes.Where(s => declared.All(d => d.StatusCode != s.StatusCode));
    }

    private static OpenApiParameter PathParameter(string name) => new()
    {
        Name = name,
        In = ParameterLocation.Path,
        Required = true,
        Schema = StringSchema(),
    };

    private static OpenApiParameter QueryParameter(OpenApiQueryAttribute query) => new()
    {
        Name = query.Name,
        In = ParameterLocation.Query,
        Description = query.Description,
        Required = query.Required,
        Schema = StringSchema(query.Format),
        Example = query.Example is { } example ? JsonValue.Create(example) : null,
    };

    private static OpenApiParameter HeaderParameter(OpenApiHeaderAttribute header) => new()
    {
        Name = header.Name,
        In = ParameterLocation.Header,
        Description = header.Description,
        Required = header.Required,
        Schema = StringSchema(),
    };

    private static OpenApiParameter IfNoneMatch() => new()
    {
        Name = "If-None-Match",
        In = ParameterLocation.Header,
        Description = "An ETag from an earlier response; 304 with no body when it still matches.",
        Schema = StringSchema(),
    };

    private static OpenApiSchema StringSchema(string? format = null) => new() { Type = JsonSchemaType.String, Format = format };

    private static string Serialize(OpenApiDocument document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }
}
