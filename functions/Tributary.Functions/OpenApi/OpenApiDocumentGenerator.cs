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

    /// <param name="json">The ASP.NET Core JSON options the typed results serialize with (web defaults unless configured).</param>
    public OpenApiDocumentGenerator(IOptions<JsonOptions> json)
    {
        _writerOptions = json.Value.SerializerOptions;
        _routePrefix = HostRoutePrefix.Read(AppContext.BaseDirectory);
        // The functions cannot change while the process runs, so the document is built and serialized once.
        _json = new Lazy<string>(() => Serialize(Generate()));
    }

    /// <summary>The document serialized as OpenAPI 3.1 JSON.</summary>
    public string Json => _json.Value;

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
                              "(backfill, replay from raw) that need a function key. Errors are problem+json (RFC 9457); times are UTC ISO-8601.",
            },
            Servers = [new OpenApiServer { Url = "/" }],
            Paths = [],
            Components = new OpenApiComponents(),
        };
        var schemas = new SchemaComponents(document, _writerOptions);
        var functions = HttpFunction.FindAll(_functions);
        if (functions.Any(f => f.RequiresKey)) FunctionKeySecurity.AddSchemes(document);

        var routed = functions.Select(f => (Function: f, Route: RouteTemplate.Parse(_routePrefix, f.Route)));
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
            Parameters = [.. route.Parameters.Select(PathParameter), .. function.Attributes<OpenApiQueryAttribute>().Select(QueryParameter)],
            Responses = [],
            Security = function.RequiresKey ? FunctionKeySecurity.Requirement(document) : null,
        };
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
            if (revalidates && shape.StatusCode == StatusCodes.Status200OK)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["ETag"] = new OpenApiHeader { Description = "Strong validator of the body; send it back in If-None-Match.", Schema = StringSchema() },
                };
            }
            operation.Responses.Add(shape.StatusCode.ToString(CultureInfo.InvariantCulture), response);
        }
        return operation;
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
